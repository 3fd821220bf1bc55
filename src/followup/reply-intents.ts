/**
 * The agent's reply intents, and how CLINC150's labels (Larson et al. 2019, clinc/oos-eval,
 * CC BY 3.0) map onto them for training and for the bench.
 */

/** What a candidate's reply asks for, as the follow-up agent acts on it (issue 14). */
export const REPLY_INTENTS = [
  'status_question',
  'reschedule_request',
  'slot_choice',
  'confirmation',
  'withdrawal',
  'opt_out',
  'needs_person',
  'thanks',
  'other',
] as const;
export type ReplyIntent = (typeof REPLY_INTENTS)[number];

/**
 * CLINC150 label → agent intent. Every label not listed here, and CLINC's out-of-scope (`oos`),
 * is `other`. Chosen from the labels' meaning before any figure was measured:
 * - `application_status` ("has my application gone through"), `pto_request_status` ("have they
 *   approved my request yet") and `meeting_schedule` ("when is my meeting with Dan") are what a
 *   candidate asks as "any update?" and "when is my interview?": status questions.
 * - `calendar_update` (add, move or remove an event) is what "I need to move my interview" is.
 * - `cancel` ("never mind, cancel that", "forget it, I do not need it anymore") and
 *   `cancel_reservation` ("my reservation is no longer needed") are a candidate dropping out.
 * - `yes` is a confirmation, `thank_you` is thanks.
 * Not mapped, on purpose: `order_status` (parcels), `confirm_reservation` (a request to check a
 * booking, not a yes), `no` (in a reply it declines a slot or a question: context the agent has,
 * not the text), `schedule_meeting` (meeting-room availability).
 * No CLINC label means `slot_choice`, `opt_out` or `needs_person`: the rules cover them.
 */
export const CLINC_TO_INTENT: Readonly<Record<string, ReplyIntent>> = {
  application_status: 'status_question',
  pto_request_status: 'status_question',
  meeting_schedule: 'status_question',
  calendar_update: 'reschedule_request',
  cancel: 'withdrawal',
  cancel_reservation: 'withdrawal',
  yes: 'confirmation',
  thank_you: 'thanks',
};

/** The agent intent of a CLINC150 label (`oos` and unlisted labels: `other`). */
export function intentOfClincLabel(label: string): ReplyIntent {
  return CLINC_TO_INTENT[label] ?? 'other';
}
