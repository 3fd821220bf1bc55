/**
 * The personal decline (flow 5, closure): when an application is rejected, one message that names
 * the role and the step the candidate reached, with at most one genuine strength taken from their
 * latest scorecard's evidence (a competency scored high, with a quote of what they said that shows
 * it), other roles in the workspace whose frameworks weigh that strength, and the workspace's
 * events line. Without a strength in the evidence it says nothing about strengths: nothing is
 * ever invented. Only ever to a rejected candidate; the policy cancels it if the stage changes.
 */
import { ScorecardBody, type Scorecard } from '../domain/scorecard.js';
import { findFramework } from '../pipeline/index.js';
import type { ApplicationRecord, MessageRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import type { FlowContext } from './flows.js';
import { firstName, renderMessage, type TemplateChannel } from './templates.js';
import { renderWorkspaceMessage, type TemplateValues } from './workspace-templates.js';

/** Fills one flow's template on a channel (the workspace's own, or the built-in one). */
export type MessageRenderer = (
  flow: string,
  channel: TemplateChannel,
  values: TemplateValues,
) => Promise<{ subject: string | null; body: string }>;

/** The built-in templates, for a decline composed outside any workspace (tests, examples). */
export const builtInRenderer: MessageRenderer = (flow, channel, values) =>
  Promise.resolve(renderMessage(flow, channel, values));

/** A competency counts as a strength from this score (the scorecard's own strengths use 70 too). */
export const STRENGTH_AT = 70;
/** A signal's evidence speaks for the strength only when the signal itself earned this credit. */
const STRONG_SIGNAL_CREDIT = 0.75;
/**
 * Signals whose quotes are instances of the good behaviour itself (a personal example, a reason
 * given, a goal, an empathic or listening phrase, an adjustment). Quotes of other signals show
 * something else (a filler word, a hedge, a repeated word, the interviewer's question) and are
 * never offered as a strength.
 */
export const STRENGTH_SIGNALS: ReadonlySet<string> = new Set([
  'personalExamples',
  'starStructure',
  'reasoningMarkersPer100',
  'goalMarkersPer100',
  'empathyMarkersPer100',
  'listeningMarkersPer100',
  'adaptabilityMarkersPer100',
]);
const MIN_QUOTE_WORDS = 4;
const MAX_QUOTE_WORDS = 25;
const MAX_ROLES = 3;

export interface Strength {
  readonly competencyId: string;
  readonly competency: string;
  readonly score: number;
  /** What the candidate said, at most 25 words ("…" where it was cut). */
  readonly quote: string;
  /** The evidence quote it was taken from, untouched. */
  readonly evidenceQuote: string;
}

/** Quotes of a competency that show it: a strength signal that earned its credit, 4+ words. */
function strongQuotes(c: Scorecard['competencies'][number]): { quote: string; credit: number }[] {
  const credit = new Map(c.signals.map((s) => [s.signal, s.credit ?? 0]));
  return c.evidence
    .filter((e) => STRENGTH_SIGNALS.has(e.signal) && (credit.get(e.signal) ?? 0) >= STRONG_SIGNAL_CREDIT)
    .map((e) => ({ quote: e.quote.trim(), credit: credit.get(e.signal) ?? 0 }))
    .filter((e) => e.quote.split(/\s+/).length >= MIN_QUOTE_WORDS);
}

/** A whole sentence (a personal example) reads better than a phrase cut around a marker word. */
function isSentence(quote: string): boolean {
  return /^["“']?[A-Z]/.test(quote) && /[.!?]["”']?$/.test(quote);
}

/** At most 25 words, cut at a word with "…". */
export function shortQuote(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= MAX_QUOTE_WORDS ? words.join(' ') : `${words.slice(0, MAX_QUOTE_WORDS).join(' ')}…`;
}

/**
 * Every competency that is a strength with evidence, best first: score, then confidence, then how
 * whether a whole sentence shows it, then how many quotes do. A scorecard that does not parse has none.
 * @example strengthsOf(scorecard.body)[0]?.quote
 */
export function strengthsOf(body: unknown): Strength[] {
  const parsed = ScorecardBody.safeParse(body);
  if (!parsed.success) return [];
  const ranked = parsed.data.competencies
    .filter((c) => c.score !== null && c.score >= STRENGTH_AT)
    .map((c) => ({ c, quotes: strongQuotes(c) }))
    .filter(({ quotes }) => quotes.length > 0)
    .sort(
      (a, b) =>
        (b.c.score ?? 0) - (a.c.score ?? 0) ||
        b.c.confidence - a.c.confidence ||
        Number(b.quotes.some((q) => isSentence(q.quote))) -
          Number(a.quotes.some((q) => isSentence(q.quote))) ||
        b.quotes.length - a.quotes.length,
    );
  return ranked.map(({ c, quotes }) => {
    // A whole sentence first, then the strongest signal's, then the longest up to 25 words.
    const best = [...quotes].sort((a, b) => {
      const fit = (q: string) => Math.min(q.split(/\s+/).length, MAX_QUOTE_WORDS);
      return (
        Number(isSentence(b.quote)) - Number(isSentence(a.quote)) ||
        b.credit - a.credit ||
        fit(b.quote) - fit(a.quote)
      );
    })[0]!;
    return {
      competencyId: c.id,
      competency: c.name,
      score: c.score ?? 0,
      quote: shortQuote(best.quote),
      evidenceQuote: best.quote,
    };
  });
}

/** The newest scorecard of an application's interviews, or null. */
export async function latestScorecardBody(store: Store, applicationId: string): Promise<unknown> {
  const interviews = await store.interviews.listByApplication(applicationId);
  const refs = [...(await store.scorecards.latestForInterviews(interviews.map((i) => i.id))).values()];
  const newest = refs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0];
  return newest === undefined ? null : (await store.scorecards.get(newest.id)).body;
}

/**
 * The furthest step the candidate reached, in words that follow "You reached":
 * an interview booking that took place, the shortlist (`advanced`), an interview completed by
 * link, a scored interview, an invitation, else the first review.
 */
export async function stepReached(
  store: Store,
  application: ApplicationRecord,
  previousStage: string | null,
  now: Date = new Date(),
): Promise<string> {
  const bookings = await store.bookings.listByApplication(application.id);
  if (bookings.some((b) => b.status === 'confirmed' && Date.parse(b.endsAt) <= now.getTime()))
    return 'an interview with our team';
  if (previousStage === 'advanced') return 'our shortlist';
  const invitations = (await store.invitations.listByJob(application.jobId)).filter(
    (i) => i.applicationId === application.id,
  );
  if (invitations.some((i) => i.completedAt !== null)) return 'the online interview';
  if ((await store.interviews.listByApplication(application.id)).length > 0) return 'the interview stage';
  if (invitations.length > 0 || previousStage === 'invited') return 'the invitation to interview';
  return 'our first review';
}

/**
 * Other roles of the workspace that fit the strengths: jobs the candidate has not applied to whose
 * framework has one of the strong competencies with at least its average competency weight;
 * ranked by the share of the framework's weight those competencies hold, then title; at most 3.
 */
export async function suggestRoles(
  store: Store,
  input: { workspaceId: string; candidateId: string; strengthIds: readonly string[] },
): Promise<string[]> {
  if (input.strengthIds.length === 0) return [];
  const applied = new Set((await store.applications.listByCandidate(input.candidateId)).map((a) => a.jobId));
  const frameworks = new Map<string, Promise<Map<string, number> | null>>();
  const weightsOf = (id: string) => {
    let hit = frameworks.get(id);
    if (hit === undefined) {
      hit = findFramework(store, input.workspaceId, id).then(
        (f) => new Map(f.competencies.map((c) => [c.id, c.weight])),
        () => null,
      );
      frameworks.set(id, hit);
    }
    return hit;
  };
  const fits: { title: string; share: number }[] = [];
  for (const job of await store.jobs.listByWorkspace(input.workspaceId)) {
    if (applied.has(job.id)) continue;
    const weights = await weightsOf(job.frameworkId ?? 'default');
    if (weights === null || weights.size === 0) continue;
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const mean = total / weights.size;
    const strong = input.strengthIds.filter((id) => (weights.get(id) ?? 0) >= mean);
    if (strong.length === 0) continue;
    fits.push({ title: job.title, share: strong.reduce((s, id) => s + (weights.get(id) ?? 0), 0) / total });
  }
  fits.sort((a, b) => b.share - a.share || a.title.localeCompare(b.title));
  return [...new Set(fits.map((f) => f.title))].slice(0, MAX_ROLES);
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The decline's text from its parts: opening, then the optional paragraphs, then the sign-off. */
export async function composeDecline(
  channel: TemplateChannel,
  values: {
    firstName: string;
    jobTitle: string;
    organisation: string;
    stepReached: string;
    strength: Strength | null;
    roles: readonly string[];
    eventsLine: string | null;
  },
  renderer: MessageRenderer = builtInRenderer,
): Promise<{ subject: string | null; body: string }> {
  const common = {
    firstName: values.firstName,
    jobTitle: values.jobTitle,
    organisation: values.organisation,
    stepReached: values.stepReached,
  };
  const opening = await renderer('decline', channel, common);
  const parts = [opening.body];
  if (values.strength !== null)
    parts.push(
      (
        await renderer('decline_strength', channel, {
          competency: values.strength.competency.toLowerCase(),
          quote: values.strength.quote,
        })
      ).body,
    );
  if (values.roles.length > 0 && channel === 'email')
    parts.push((await renderer('decline_roles', channel, { roles: listOf(values.roles) })).body);
  if (values.eventsLine !== null && channel === 'email')
    parts.push((await renderer('decline_events', channel, { eventsLine: values.eventsLine })).body);
  parts.push((await renderer('decline_close', channel, common)).body);
  return { subject: opening.subject, body: parts.join(channel === 'email' ? '\n\n' : ' ') };
}

/**
 * Queues the decline of a rejected application (step: the application id, so one per application
 * however often it is rejected). Returns null, queueing nothing, when the application is not
 * rejected or the candidate can be reached on no channel.
 * @example await queueDecline(store, { publicUrl }, { applicationId, previousStage: 'in_progress' })
 */
export async function queueDecline(
  store: Store,
  _ctx: FlowContext,
  input: { applicationId: string; previousStage?: string | null; now?: Date },
): Promise<MessageRecord | null> {
  const application = await store.applications.get(input.applicationId);
  if (application.stage !== 'rejected') return null;
  const [candidate, job] = await Promise.all([
    store.candidates.get(application.candidateId),
    store.jobs.get(application.jobId),
  ]);
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return null;
  const [workspace, settings] = await Promise.all([
    store.workspaces.get(job.workspaceId),
    store.workspaces.settings(job.workspaceId),
  ]);
  const strengths = strengthsOf(await latestScorecardBody(store, application.id));
  const roles = await suggestRoles(store, {
    workspaceId: job.workspaceId,
    candidateId: candidate.id,
    strengthIds: strengths.map((s) => s.competencyId),
  });
  const { subject, body } = await composeDecline(
    channel,
    {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      stepReached: await stepReached(store, application, input.previousStage ?? null, input.now),
      strength: strengths[0] ?? null,
      roles,
      eventsLine: settings.eventsLine,
    },
    (flow, ch, values) => renderWorkspaceMessage(store, job.workspaceId, flow, ch, values),
  );
  const { message } = await store.messages.enqueue({
    workspaceId: job.workspaceId,
    candidateId: candidate.id,
    applicationId: application.id,
    flow: 'decline',
    step: application.id,
    channel,
    toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
    subject,
    body,
  });
  return message;
}
