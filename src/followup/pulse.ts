/**
 * The candidate pulse's answers (flow 6). A reply to a candidate whose last message from Candor
 * was the survey (or the one request to answer it again) is read as an answer: "9", "8 - quick
 * and clear", "10/10", "nine". A whole number from 0 to 10 is stored for the job and round; a
 * number outside it ("11", "eleven", "7.5") is never stored: the candidate is asked once more,
 * and a second such answer goes to a person. A reply that is no answer at all ("when will I hear
 * back?", "STOP") is handled as any other reply.
 */
import type { MessageRecord, Store } from '../store/index.js';
import type { InboundReply, ReplyClassifier, ReplyOutcome } from './replies.js';
import { firstName } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

export type PulseAnswer =
  | { readonly kind: 'score'; readonly score: number; readonly comment: string | null }
  | { readonly kind: 'invalid'; readonly answer: string; readonly reason: string }
  | { readonly kind: 'none' };

const WORDS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
/** Number words past ten: an answer, but not a score. */
const OUT_OF_RANGE_WORD =
  /^(eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|one hundred|million)\b/i;
const LEADING =
  /^(?<number>[-+]?\d+(?:[.,]\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?!\w)(?:\s*(?:\/|out of)\s*(?:10|ten)(?!\w))?\s*[-–—:,.;!)]*\s*(?<comment>[\s\S]*)$/i;
const ANYWHERE = /(?<![\w.])(?<number>\d+(?:[.,]\d+)?)\s*(?:\/|out of)\s*(?:10|ten)(?!\w)/i;

/**
 * @example parsePulseAnswer('8 - quick and clear') // { kind: 'score', score: 8, comment: 'quick and clear' }
 * @example parsePulseAnswer('eleven') // { kind: 'invalid', answer: 'eleven', reason: 'not a whole number from 0 to 10' }
 */
export function parsePulseAnswer(text: string): PulseAnswer {
  const t = text.trim();
  if (t === '') return { kind: 'none' };
  const outOfRange = OUT_OF_RANGE_WORD.exec(t);
  if (outOfRange !== null)
    return { kind: 'invalid', answer: outOfRange[0], reason: 'not a whole number from 0 to 10' };
  const leading = LEADING.exec(t);
  const anywhere = leading === null ? ANYWHERE.exec(t) : null;
  const match = leading ?? anywhere;
  if (match === null) return { kind: 'none' };
  const raw = match.groups?.number ?? '';
  const word = WORDS.indexOf(raw.toLowerCase());
  const value = word >= 0 ? word : Number(raw.replace(',', '.'));
  if (!Number.isInteger(value) || value < 0 || value > 10)
    return { kind: 'invalid', answer: raw, reason: 'not a whole number from 0 to 10' };
  const comment = leading === null ? t : (leading.groups?.comment ?? '').trim();
  return { kind: 'score', score: value, comment: comment === '' ? null : comment.slice(0, 2000) };
}

/** The round a survey message followed, from its step `<round>:<id>`. */
export function roundOfSurvey(survey: MessageRecord): string {
  return survey.step.split(':')[0] ?? 'unknown';
}

/** As sure as replies.ts must be to act on its own (AUTO_CONFIDENCE): "8 - quick" is no withdrawal. */
const SURE = 0.6;

/** The step of the one request to answer a survey again. */
const againStep = (surveyId: string) => `pulse_again:${surveyId}`;

/** The survey a reply answers, when the last message Candor sent there was one (or its re-ask). */
async function surveyAnswered(store: Store, answered: MessageRecord): Promise<MessageRecord | null> {
  if (answered.flow === 'pulse') return answered;
  if (answered.flow === 'reply' && answered.step.startsWith('pulse_again:'))
    return store.messages.get(answered.step.slice('pulse_again:'.length)).catch(() => null);
  return null;
}

/**
 * Reads a reply as a pulse answer when it is one; returns null to leave it to the other replies.
 * A confident opt-out or withdrawal is never read as an answer.
 */
export async function handlePulseReply(
  store: Store,
  deps: { classify: ReplyClassifier },
  reply: InboundReply,
  answered: MessageRecord,
): Promise<ReplyOutcome | null> {
  const survey = await surveyAnswered(store, answered);
  if (survey === null || survey.candidateId === null) return null;
  const text = reply.text.trim();
  const verdict = deps.classify(text);
  if ((verdict.intent === 'opt_out' || verdict.intent === 'withdrawal') && verdict.confidence >= SURE)
    return null;
  const answer = parsePulseAnswer(text);
  if (answer.kind === 'none') return null;
  const base = {
    workspaceId: survey.workspaceId,
    candidateId: survey.candidateId,
    applicationId: survey.applicationId,
    channel: reply.channel,
    fromAddress: reply.from,
    toAddress: reply.to,
    subject: reply.subject,
    body: text,
    providerId: reply.providerId ?? null,
    intent: 'pulse_answer',
    frustrated: verdict.frustrated,
  };
  if (answer.kind === 'score') {
    const application =
      survey.applicationId === null ? null : await store.applications.get(survey.applicationId);
    const round = roundOfSurvey(survey);
    if (application !== null) {
      await store.pulse.record({
        workspaceId: survey.workspaceId,
        jobId: application.jobId,
        stage: round,
        candidateId: survey.candidateId,
        applicationId: application.id,
        surveyMessageId: survey.id,
        score: answer.score,
        comment: answer.comment,
        channel: reply.channel,
      });
    }
    const message = await store.messages.recordInbound({
      ...base,
      confidence: 1,
      needsPerson: verdict.frustrated,
      note: verdict.frustrated
        ? `pulse answer ${answer.score}/10; the comment sounds frustrated: a person should read it`
        : `pulse answer ${answer.score}/10 after ${round}`,
    });
    return {
      message,
      action: verdict.frustrated
        ? `pulse answer ${answer.score}/10 stored; kept for a person: the comment sounds frustrated`
        : `recorded: pulse answer ${answer.score}/10`,
    };
  }
  const askedAgain = (await store.messages.timeline(survey.candidateId)).some(
    (m) => m.direction === 'out' && m.flow === 'reply' && m.step === againStep(survey.id),
  );
  const message = await store.messages.recordInbound({
    ...base,
    confidence: 1,
    needsPerson: askedAgain,
    note: askedAgain
      ? `a pulse answer that is ${answer.reason} ("${answer.answer}"), again after asking once more: not stored; a person should look`
      : `a pulse answer that is ${answer.reason} ("${answer.answer}"): not stored; asked again`,
  });
  if (askedAgain)
    return { message, action: `kept for a person: pulse answer "${answer.answer}" is ${answer.reason}` };
  const [candidate, workspace] = await Promise.all([
    store.candidates.get(survey.candidateId),
    store.workspaces.get(survey.workspaceId),
  ]);
  const { subject, body } = await renderWorkspaceMessage(
    store,
    survey.workspaceId,
    'pulse_again',
    reply.channel,
    {
      firstName: firstName(candidate.name),
      organisation: workspace.name,
      answer: answer.answer,
    },
  );
  await store.messages.enqueue({
    workspaceId: survey.workspaceId,
    candidateId: survey.candidateId,
    applicationId: survey.applicationId,
    flow: 'reply',
    step: againStep(survey.id),
    channel: reply.channel,
    toAddress: reply.from,
    subject: reply.subject?.startsWith('Re:') ? reply.subject : subject,
    body,
  });
  return { message, action: `asked again: pulse answer "${answer.answer}" is ${answer.reason}` };
}
