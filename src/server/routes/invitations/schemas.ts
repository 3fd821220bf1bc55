/** Request and response shapes of the invitation routes (recruiters) and the candidate's page. */
import { z } from 'zod';
import { AGE_BAND_VALUES, RACE_ETHNICITY_VALUES, SEX_VALUES } from '../../../domain/demographics.js';
import { DEFAULT_TERMS, MAX_INVITEES, TERM_LIMITS } from '../../../invitations/invite.js';

const whole = (name: keyof typeof TERM_LIMITS, fallback: number) =>
  z.number().int().min(TERM_LIMITS[name][0]).max(TERM_LIMITS[name][1]).default(fallback);

export const InviteBody = z
  .object({
    /** The candidates to invite, each by name and e-mail address. */
    candidates: z
      .array(z.object({ name: z.string().trim().max(200), email: z.string().trim().max(254) }))
      .min(1)
      .max(MAX_INVITEES)
      .optional(),
    /** Instead of `candidates`: CSV text with a header row naming `name` and `email`. */
    csv: z.string().min(1).max(1_000_000).optional(),
    /** Last day the link works (YYYY-MM-DD, through 23:59 UTC); default 14 days from today. */
    deadline: z.string().max(10).optional(),
    /** Longest answer in seconds (30–600, default 120). */
    answerSeconds: whole('answerSeconds', DEFAULT_TERMS.answerSeconds),
    /** Seconds to read and think before each recording starts (0–300, default 30). */
    prepSeconds: whole('prepSeconds', DEFAULT_TERMS.prepSeconds),
    /** Extra takes per question (0–5, default 1). */
    retakes: whole('retakes', DEFAULT_TERMS.retakes),
    /** Whether a candidate may type an answer instead of recording it (default false). */
    textAnswers: z.boolean().default(DEFAULT_TERMS.textAnswers),
    /**
     * Send each candidate their link (e-mail, or SMS when they agreed to texts and answer those
     * better) through the follow-up agent's outbox; default true. Without an SMTP server set up
     * the messages wait in the outbox, and the links are still in this answer to copy.
     */
    notify: z.boolean().default(true),
  })
  .refine((b) => (b.candidates === undefined) !== (b.csv === undefined), {
    message: 'give either candidates or csv, not both and not neither',
    path: ['candidates'],
  });

export const INVITATION_VIEW_STATUSES = ['invited', 'started', 'completed', 'revoked', 'expired'] as const;

export const InvitationView = z
  .object({
    id: z.string(),
    jobId: z.string(),
    applicationId: z.string(),
    candidate: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
    /** `expired` when the deadline passed before the candidate completed. */
    status: z.enum(INVITATION_VIEW_STATUSES),
    expiresAt: z.string(),
    answerSeconds: z.number().int(),
    prepSeconds: z.number().int(),
    retakes: z.number().int(),
    textAnswers: z.boolean(),
    questionCount: z.number().int(),
    /** Questions with a kept answer. */
    answered: z.number().int(),
    createdAt: z.string(),
    openedAt: z.string().nullable(),
    consentedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    interviewId: z.string().nullable(),
    /**
     * `/take/<token>`, only in the answer that issued the link (creating the invitation or
     * asking for a new link): the token is stored hashed and cannot be shown again.
     */
    linkPath: z.string().optional(),
  })
  .meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof InvitationView>;

export const InviteResult = z.object({
  invitations: z.array(InvitationView),
  /** Rows not invited, each with its reason; the others were invited. */
  failures: z.array(
    z.object({ row: z.number().int(), name: z.string(), email: z.string(), reason: z.string() }),
  ),
});

export const TokenParams = z.object({ token: z.string().min(1).max(100) });
export const PositionParams = TokenParams.extend({
  position: z.coerce.number().int().min(0).max(99),
});
export const AttemptParams = PositionParams.extend({
  attempt: z.coerce.number().int().min(1).max(99),
});
export const OffsetQuery = z.object({
  /** Where this chunk starts in the recording: the bytes already received. */
  offset: z.coerce.number().int().min(0),
});

export const TakeState = z
  .object({
    /** invited (not consented yet), started, completed. */
    status: z.enum(['invited', 'started', 'completed']),
    candidateName: z.string(),
    jobTitle: z.string(),
    organisation: z.string(),
    notice: z.object({
      version: z.string(),
      sections: z.array(z.object({ title: z.string(), text: z.string() })),
    }),
    consented: z.boolean(),
    terms: z.object({
      expiresAt: z.string(),
      answerSeconds: z.number().int(),
      prepSeconds: z.number().int(),
      retakes: z.number().int(),
      textAnswers: z.boolean(),
    }),
    questionCount: z.number().int(),
    answers: z.array(
      z.object({
        position: z.number().int(),
        status: z.enum(['pending', 'answered']),
        /** Takes used (kept, replaced or interrupted; failed uploads do not count). */
        attemptsUsed: z.number().int(),
        kind: z.enum(['recording', 'text']).nullable(),
        durationSeconds: z.number().nullable(),
      }),
    ),
    /** The first question without an answer (its text), once consented; null when all are answered. */
    current: z.object({ position: z.number().int(), text: z.string() }).nullable(),
    /** The last answered question while a retake is allowed (the next question not started yet). */
    retake: z
      .object({ position: z.number().int(), text: z.string(), attemptsLeft: z.number().int() })
      .nullable(),
    /** A recording started and not finished (a closed tab): finish it to keep what arrived. */
    openAttempt: z
      .object({ position: z.number().int(), attempt: z.number().int(), bytes: z.number().int() })
      .nullable(),
    /** When completed: the date the candidate hears back by, in business days. */
    finish: z
      .object({ respondBy: z.string(), responseTargetDays: z.number().int(), completedAt: z.string() })
      .nullable(),
    /** Whether the optional self-identification was answered (its answers are never shown here). */
    selfIdentified: z.boolean(),
  })
  .meta({ id: 'TakeState' });
export type TakeState = z.infer<typeof TakeState>;

export const ConsentBody = z.object({ noticeVersion: z.string().min(1).max(40) });
/** The length limit is the server's CANDOR_TYPED_ANSWER_LIMIT_CHARS, checked in the route (413). */
export const TextAnswerBody = z.object({ text: z.string().trim().min(1).max(1_000_000) });
export const AttemptStarted = z.object({
  position: z.number().int(),
  attempt: z.number().int(),
  bytes: z.number().int(),
});
export const ChunkResult = z.object({ bytes: z.number().int() });

export const SelfIdentificationBody = z.object({
  sex: z.enum(SEX_VALUES).default('declined'),
  raceEthnicity: z.enum(RACE_ETHNICITY_VALUES).default('declined'),
  ageBand: z.enum(AGE_BAND_VALUES).default('declined'),
});
