import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SignalAnalyzer } from '../analysis/index.js';
import { selectEngine } from '../analysis/speech/stt/index.js';
import type { AnalysisResult } from '../assessment/index.js';
import { CandorError } from '../core/index.js';
import type { Question, Transcript } from '../domain/index.js';
import { parseTranscript } from '../ingest/index.js';
import type { InterviewRecord, MediaRecord, ScorecardRecord, Store, TaskProgress } from '../store/index.js';
import type { Answer } from './answers.js';
import { defaultAnalyzer } from './default-analyzer.js';
import { checkTranscriptSize, inputLimitsFromEnv, type InputLimits } from './input-limits.js';
import { readCandidateSpeaker, readTranscriptText, resolveMediaPath } from './interview-files.js';
import { planInterview, type InterviewPlan } from './interview-plan.js';
import { currentMedia } from './media-offsets.js';
import { readRecording, type Recogniser, type RecordingProgress } from './recording.js';
import { saveAnalysis } from './save-analysis.js';
import { scoreInput } from './score-input.js';
import { speakersToTell, type SpeakerCount } from './speakers.js';
import { activeModel } from './model-lifecycle.js';
import type { ModelFile } from '../model/model-file.js';

/** Stage names a running analysis reports, in order. */
export const ANALYSIS_STAGES = [
  'decoding',
  'recognising speech',
  'measuring voice',
  'scoring',
  'saving',
] as const;

export interface AnalyzeInterviewOptions {
  readonly store: Store;
  /** The media folder holding the interview's recordings and transcript. */
  readonly mediaDir: string;
  readonly interviewId: string;
  /** Default: one analyser per process, created on first use (loading word vectors takes ~1 s). */
  readonly analyzer?: SignalAnalyzer;
  /** Default: the engine chosen by configuration (`selectEngine`). */
  readonly recogniser?: () => Promise<Recogniser>;
  readonly onProgress?: (progress: TaskProgress) => void;
  /** Stops the work; nothing is saved once it has aborted. */
  readonly signal?: AbortSignal;
  /** Default: the settings in the environment (`inputLimitsFromEnv`). */
  readonly limits?: InputLimits;
  /**
   * The trained model whose prediction the scorecard records; default the workspace's active
   * model for `overall` (none when no model is active); null for none.
   */
  readonly model?: ModelFile | null;
  /**
   * For an interview recorded as one track (a single recording, no transcript): how many speakers
   * to tell apart; default `auto` when the recording answers no named question (see
   * `speakersToTell`). Ignored for several recordings (one answer each) and with a transcript.
   */
  readonly speakers?: SpeakerCount;
}

export interface InterviewAnalysis {
  readonly scorecard: ScorecardRecord;
  readonly result: AnalysisResult;
  /**
   * What was scored: the transcript (it wins when both exist) or the recorded answers (a single
   * recording split into speakers is scored as a live interview from its recognised words).
   */
  readonly source: 'transcript' | 'recordings';
}

/** Share of the progress bar spent reading recordings; scoring and saving take the rest. */
const READING_SHARE = 0.8;

/**
 * Analyses an interview from what was uploaded and stores the scorecard atomically. A transcript
 * (uploaded or typed) is parsed and scored as `candor analyze` does, taking the voice of the
 * recording when there is exactly one (as with `--transcript`); without a transcript, each
 * recorded answer is decoded, recognised and measured, and scored as an answers folder is. A
 * single recording of a whole interview (no transcript, no named question) is first split into
 * speakers as `candor analyze` splits one recording (`speakers`, default `auto`): with two or more
 * speakers it is scored as a live interview, the candidate chosen as for a transcript, and the
 * scorecard's `input.speakers` and `input.talkRatio` are filled.
 *
 * A stored transcript over the transcript limit (one kept from before the limit) is not analysed.
 *
 * @throws CandorError VALIDATION_FAILED (nothing to analyse), FILE_TOO_LARGE, TRANSCRIPT_INVALID,
 *   MEDIA_UNREADABLE, NOT_FOUND, FRAMEWORK_NOT_FOUND (input: retrying will not help);
 *   ASSET_MISSING (no ffmpeg or recogniser) and anything else (may pass on a retry)
 * @example const { scorecard } = await analyzeInterview({ store, mediaDir, interviewId, onProgress: console.log })
 */
export async function analyzeInterview(options: AnalyzeInterviewOptions): Promise<InterviewAnalysis> {
  const { store, mediaDir, signal } = options;
  const report = (progress: TaskProgress) => options.onProgress?.(progress);
  const interview = await store.interviews.get(options.interviewId);
  const plan = await planInterview(store, mediaDir, interview);
  const text = await readTranscriptText(mediaDir, interview);
  const media = currentMedia(await store.media.listByInterview(interview.id));
  if (text === null && media.length === 0) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `interview ${interview.id} has no transcript or recording to analyse`,
      {
        entity: 'interview',
        id: interview.id,
      },
    );
  }
  if (text !== null) {
    const limits = options.limits ?? inputLimitsFromEnv();
    checkTranscriptSize(interview.sourceFile ?? 'transcript', Buffer.byteLength(text, 'utf8'), limits);
  }
  const analyzer = options.analyzer ?? defaultAnalyzer();
  const recogniser = options.recogniser ?? (() => selectEngine());
  const model =
    options.model === undefined ? await activeModel(store, interview.workspaceId, 'overall') : options.model;
  const speakers = speakersToTell(media, text !== null, options.speakers);
  const context = { mediaDir, plan, analyzer, recogniser, report, signal, model, speakers };
  const result =
    text === null
      ? await scoreRecordings(media, context)
      : await scoreTranscript(interview, text, media, context);
  signal?.throwIfAborted();
  report({ stage: 'saving', fraction: 0.95 });
  const scorecard = await saveAnalysis(store, interview.id, result);
  return { scorecard, result, source: text === null ? 'recordings' : 'transcript' };
}

interface ScoreContext {
  readonly mediaDir: string;
  readonly plan: InterviewPlan;
  readonly analyzer: SignalAnalyzer;
  readonly recogniser: () => Promise<Recogniser>;
  readonly report: (progress: TaskProgress) => void;
  readonly signal: AbortSignal | undefined;
  readonly model: ModelFile | null;
  /** For the one recording of an interview recorded as one track; 1 for no split. */
  readonly speakers: SpeakerCount;
}

async function scoreTranscript(
  interview: InterviewRecord,
  text: string,
  media: readonly MediaRecord[],
  ctx: ScoreContext,
): Promise<AnalysisResult> {
  const file = interview.sourceFile ?? 'transcript';
  const transcript = parseTranscript(text, { file });
  const only = media.length === 1 ? media[0] : undefined;
  const recording =
    only === undefined
      ? null
      : await readRecording(resolveMediaPath(ctx.mediaDir, only.storagePath), {
          imported: transcript,
          recogniser: ctx.recogniser,
          sha256: only.sha256,
          onProgress: (p) => ctx.report(readingProgress(p, 0, 1)),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
  const voice = recording?.voice ?? null;
  ctx.signal?.throwIfAborted();
  ctx.report({ stage: 'scoring', fraction: READING_SHARE });
  // Chosen at upload when no speaker carried the candidate's name.
  const candidateSpeaker = await readCandidateSpeaker(ctx.mediaDir, interview);
  return scoreInput(
    {
      kind: 'transcript',
      // A damaged recording's warnings stay with the transcript scored beside its voice.
      transcript: recording?.transcript ?? transcript,
      source: { file: interview.sourceFile, sha256: createHash('sha256').update(text).digest('hex') },
      question: ctx.plan.practised,
      voice,
      ...(candidateSpeaker === null ? {} : { candidateSpeaker }),
    },
    ctx.plan,
    ctx.analyzer,
    ctx.model,
  );
}

async function scoreRecordings(media: readonly MediaRecord[], ctx: ScoreContext): Promise<AnalysisResult> {
  const answers: Answer[] = [];
  for (const [i, m] of media.entries()) {
    if (isTypedAnswer(m)) {
      const text = await readFile(resolveMediaPath(ctx.mediaDir, m.storagePath), 'utf8');
      answers.push({
        name: m.fileName,
        transcript: typedTranscript(text),
        voice: null,
        sha256: m.sha256,
        question: questionOf(m, ctx.plan),
      });
      continue;
    }
    const recording = await readRecording(resolveMediaPath(ctx.mediaDir, m.storagePath), {
      recogniser: ctx.recogniser,
      sha256: m.sha256,
      onProgress: (p) => ctx.report(readingProgress(p, i, media.length)),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.speakers === 1 ? {} : { speakers: ctx.speakers }),
    });
    if (media.length === 1 && speakersIn(recording.transcript) >= 2) {
      // An interview recorded as one track: scored as `candor analyze` scores one recording.
      ctx.signal?.throwIfAborted();
      ctx.report({ stage: 'scoring', fraction: READING_SHARE });
      return scoreInput(
        {
          kind: 'transcript',
          transcript: recording.transcript,
          source: { file: m.fileName, sha256: recording.sha256 },
          question: ctx.plan.practised,
          voice: recording.voice,
        },
        ctx.plan,
        ctx.analyzer,
        ctx.model,
      );
    }
    answers.push({
      name: m.fileName,
      transcript: recording.transcript,
      voice: recording.voice,
      sha256: recording.sha256,
      question: questionOf(m, ctx.plan),
    });
  }
  ctx.signal?.throwIfAborted();
  ctx.report({ stage: 'scoring', fraction: READING_SHARE });
  return scoreInput({ kind: 'answers', answers, sourceFile: null }, ctx.plan, ctx.analyzer, ctx.model);
}

/** How many named speakers a transcript has (a diarised recording's `Speaker 1`, `Speaker 2`, …). */
function speakersIn(transcript: Transcript): number {
  return new Set(transcript.segments.flatMap((s) => (s.speaker === null ? [] : [s.speaker]))).size;
}

/** An answer the candidate typed on the interview page instead of recording it (stored as text/plain). */
export function isTypedAnswer(media: Pick<MediaRecord, 'contentType'>): boolean {
  return media.contentType.startsWith('text/plain');
}

/** A typed answer as a transcript: one untimed segment per paragraph, all the candidate's. */
function typedTranscript(text: string): Transcript {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  return {
    format: 'text',
    segments: paragraphs.map((p) => ({ speaker: null, start: null, end: null, text: p })),
  };
}

/** The question a recorded answer answers: by id in the question set, else the practised one. */
function questionOf(media: MediaRecord, plan: InterviewPlan): Question | null {
  const byId = media.questionId === null ? undefined : plan.questions.find((q) => q.id === media.questionId);
  if (byId !== undefined) return byId;
  if (plan.practised !== null) return plan.practised;
  if (media.questionText === null || media.questionText.trim().length < 5) return null;
  return {
    id: media.questionId ?? `answer-${media.position + 1}`,
    text: media.questionText,
    competencies: [],
    keyPoints: [],
  };
}

function readingProgress(p: RecordingProgress, index: number, count: number): TaskProgress {
  const within = p.total !== null && p.total > 0 ? Math.min(1, p.seconds / p.total) : 0;
  const fraction = (READING_SHARE * (index + within)) / count;
  return {
    stage: p.stage,
    fraction: Math.round(fraction * 1000) / 1000,
    ...(count > 1 ? { message: `answer ${index + 1} of ${count}` } : {}),
  };
}
