/**
 * What an interview is scored against: a hiring interview uses its job's framework (default
 * `default`), question set (default `default`) and profile; a practice interview the default
 * framework and the practised question.
 */
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import { FrameworkSchema, loadFramework, loadQuestionSet, type Framework } from '../assessment/index.js';
import { CandorError, isCandorError } from '../core/index.js';
import type { Question, QuestionSet } from '../domain/index.js';
import { jobProfile, type InterviewRecord, type Store } from '../store/index.js';
import type { AnalysisBasis } from './answers.js';
import { readPracticeQuestion } from './interview-files.js';

export const DEFAULT_FRAMEWORK_ID = 'default';
export const DEFAULT_QUESTION_SET_ID = 'default';

export interface InterviewPlan extends AnalysisBasis {
  readonly questionSetId: string;
  /** The practised question of a practice interview; null for hiring interviews. */
  readonly practised: Question | null;
}

/** A question set as a workspace sees it: its own, the stored built-ins, or a built-in file. */
export interface ResolvedQuestionSet extends QuestionSet {
  readonly builtIn: boolean;
}

// Built-in ids name files in frameworks/; anything else must never reach the file loaders.
const BUILT_IN_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * A question set by id as the workspace sees it: its own, else a stored built-in, else a built-in
 * file. The one lookup of a question set: the routes, the worker and the CLI all use it.
 * @throws CandorError NOT_FOUND (`question set x not found`, also for another workspace's set)
 * @example const set = await findQuestionSet(store, ws.id, 'default')
 */
export async function findQuestionSet(
  store: Store,
  workspaceId: string,
  id: string,
): Promise<ResolvedQuestionSet> {
  const stored = await store.questionSets.find(workspaceId, id);
  if (stored !== null) {
    const { id: setId, name, version, questions } = stored;
    return { id: setId, name, version, questions, builtIn: stored.workspaceId === null };
  }
  if (BUILT_IN_ID.test(id)) {
    const file = (() => {
      try {
        return loadQuestionSet(id);
      } catch (error) {
        if (isCandorError(error) && /^no question set/.test(error.message)) return null;
        throw error;
      }
    })();
    if (file !== null) return { ...file, builtIn: true };
  }
  throw new CandorError('NOT_FOUND', `question set ${id} not found`, { entity: 'question set', id });
}

/**
 * A framework by id as the workspace sees it: the workspace's own (latest version) first, then a
 * built-in file, then a stored built-in.
 * @throws CandorError FRAMEWORK_NOT_FOUND, FRAMEWORK_INVALID (a stored definition that no longer parses)
 * @example const framework = await findFramework(store, ws.id, job.frameworkId ?? 'default')
 */
export async function findFramework(store: Store, workspaceId: string, id: string): Promise<Framework> {
  const usable = (await store.frameworks.listLatest(workspaceId)).filter((f) => f.id === id);
  const own = usable.find((f) => f.workspaceId === workspaceId);
  if (own !== undefined) return parseStored(id, own.definition);
  if (BUILT_IN_ID.test(id)) {
    try {
      return loadFramework(id, knownSignals());
    } catch (error) {
      if (!isCandorError(error) || error.code !== 'FRAMEWORK_NOT_FOUND') throw error;
    }
  }
  const shared = usable[0];
  if (shared !== undefined) return parseStored(id, shared.definition);
  throw new CandorError('FRAMEWORK_NOT_FOUND', `no framework "${id}"`, { framework: id });
}

function knownSignals(): ReadonlySet<string> {
  return new Set(SIGNAL_CATALOGUE.map((d) => d.id));
}

function parseStored(id: string, definition: unknown): Framework {
  const parsed = FrameworkSchema.safeParse(definition);
  const unknown = parsed.success
    ? parsed.data.competencies
        .flatMap((c) => c.behaviours.flatMap((b) => b.signals.map((s) => s.signal)))
        .find((s) => !knownSignals().has(s))
    : undefined;
  if (!parsed.success || unknown !== undefined) {
    const reason = parsed.success
      ? `unknown signal "${unknown}"`
      : (parsed.error.issues[0]?.message ?? 'invalid');
    throw new CandorError('FRAMEWORK_INVALID', `framework ${id}: ${reason}`, { framework: id });
  }
  return parsed.data;
}

/**
 * Everything an interview's analysis is scored against.
 * @throws CandorError NOT_FOUND (its application or job is gone), FRAMEWORK_NOT_FOUND
 * @example const plan = await planInterview(store, config.mediaDir, interview)
 */
export async function planInterview(
  store: Store,
  mediaDir: string,
  interview: InterviewRecord,
): Promise<InterviewPlan> {
  // The workspace's opt-in (admin console settings); the CLI's --score-voice for files.
  const base = { scoreVoice: (await store.workspaces.settings(interview.workspaceId)).scoreVoice };
  if (interview.applicationId !== null) {
    const application = await store.applications.get(interview.applicationId);
    const job = await store.jobs.get(application.jobId);
    const questionSetId = job.questionSetId ?? DEFAULT_QUESTION_SET_ID;
    const [framework, set] = await Promise.all([
      findFramework(store, interview.workspaceId, job.frameworkId ?? DEFAULT_FRAMEWORK_ID),
      findQuestionSet(store, interview.workspaceId, questionSetId),
    ]);
    return {
      ...base,
      framework,
      job: jobProfile(job),
      questions: set.questions,
      questionSetId,
      practised: null,
    };
  }
  const framework = await findFramework(store, interview.workspaceId, DEFAULT_FRAMEWORK_ID);
  const ref = interview.kind === 'practice' ? await readPracticeQuestion(mediaDir, interview) : null;
  const questionSetId = ref?.questionSetId ?? DEFAULT_QUESTION_SET_ID;
  const set = await findQuestionSet(store, interview.workspaceId, questionSetId).catch((error: unknown) => {
    // A practised set deleted since keeps the interview analysable against the default bank.
    if (ref !== null && isCandorError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  const questions =
    set?.questions ??
    (await findQuestionSet(store, interview.workspaceId, DEFAULT_QUESTION_SET_ID)).questions;
  const practised =
    interview.kind !== 'practice'
      ? null
      : (questions.find((q) => q.id === ref?.questionId) ??
        questions.find((q) => q.text === interview.title) ??
        titleQuestion(interview.title));
  return { ...base, framework, job: null, questions, questionSetId, practised };
}

/** A practice interview whose question is no longer in any set still names it in its title. */
function titleQuestion(title: string | null): Question | null {
  if (title === null || title.trim().length < 5) return null;
  return { id: 'practised', text: title, competencies: [], keyPoints: [] };
}
