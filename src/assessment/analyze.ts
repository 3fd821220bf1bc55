import type { SignalAnalyzer, VoiceTrack } from '../analysis/index.js';
import type {
  JobProfile,
  Question,
  Response,
  ResponseSignals,
  Segment,
  Transcript,
} from '../domain/index.js';
import { chooseCandidateSpeaker, responsesFromAnswers, segmentLiveInterview } from '../ingest/index.js';
import type { CandidateChoice } from '../ingest/index.js';
import type { Framework } from './framework-schema.js';
import { buildScorecard } from './scorecard.js';
import { speakingTime } from './speaking-time.js';
import type { Scorecard } from './scorecard-types.js';

export interface AnalysisRequest {
  readonly transcript: Transcript;
  readonly source: { readonly file: string | null; readonly sha256: string | null };
  readonly framework: Framework;
  readonly job: JobProfile | null;
  /** The question set interviewer turns are matched against; also the bank for next-step questions. */
  readonly questions: readonly Question[];
  /** For a single-speaker answer: the question it answers, when known. */
  readonly question?: Question | null;
  /** The candidate's speaker label in a live interview, when the transcript does not say. */
  readonly candidateSpeaker?: string;
  /** The recording's voice analysis, when the input was audio or video. */
  readonly voice?: VoiceTrack | null;
  /** For answers read from separate recordings (async interviews): each answer's voice, in order. */
  readonly answerVoices?: readonly (VoiceTrack | null)[];
  /** Let voice signals (pitch, loudness, articulation) count towards scores: a workspace's opt-in. */
  readonly scoreVoice?: boolean;
  /** The speech recogniser that wrote the answers, when they were recognised (else the transcript's). */
  readonly recogniser?: string;
  /** What went wrong reading the input, shown on the scorecard (else the transcript's warnings). */
  readonly warnings?: readonly string[];
}

export interface AnalysisResult {
  readonly scorecard: Scorecard;
  /** Every segment of the input, in order, answers and everything around them. */
  readonly transcript: readonly Segment[];
  readonly responses: readonly Response[];
  readonly signals: readonly ResponseSignals[];
}

/**
 * Transcript → answers → signals → scorecard. A transcript with two or more speakers is a live
 * interview (answers are found by speaker and matched to the question set); one speaker is a
 * single recorded answer.
 * @example analyzeTranscript(request, createSignalAnalyzer(), '0.1.0').scorecard.overall.score
 */
export function analyzeTranscript(
  request: AnalysisRequest,
  analyzer: SignalAnalyzer,
  engineVersion: string,
): AnalysisResult {
  const { transcript } = request;
  const speakers = new Set(transcript.segments.map((s) => s.speaker).filter((s): s is string => s !== null));
  const live = speakers.size >= 2;
  const responses = live
    ? segmentLiveInterview(transcript, {
        questions: request.questions,
        similarity: analyzer.similarity,
        ...(request.candidateSpeaker === undefined ? {} : { candidateSpeaker: request.candidateSpeaker }),
      })
    : responsesFromAnswers([{ transcript, question: request.question ?? null }]);
  const answers = live ? foldFollowUps(responses) : responses;
  const candidateChoice = live ? chooseCandidateSpeaker(transcript, request.candidateSpeaker) : null;
  return analyzeResponses(
    answers.length > 0 ? answers : responses,
    { ...request, candidateChoice },
    analyzer,
    engineVersion,
    live ? 'live' : 'async',
  );
}

/** Words below which a turn that follows no question is small talk ("Good, thanks, and you?"), not an answer. */
export const SMALL_TALK_WORDS = 40;

/**
 * Live interviews hold small talk and short follow-ups besides the answers. A turn that matches
 * the question set, or runs to 40 words, is an answer; a shorter turn after an answer is a
 * follow-up and joins that answer; a short turn before the first answer is small talk and is
 * not scored (it stays in the stored transcript).
 */
function foldFollowUps(responses: readonly Response[]): Response[] {
  const out: Response[] = [];
  for (const r of responses) {
    const matched = r.questionSource === 'question-set' || r.questionSource === 'file';
    if (matched || wordsIn(r) >= SMALL_TALK_WORDS) out.push({ ...r, index: out.length });
    else {
      const last = out.at(-1);
      if (last) out[out.length - 1] = { ...last, segments: [...last.segments, ...r.segments] };
    }
  }
  return out;
}

function wordsIn(response: Response): number {
  let words = 0;
  for (const s of response.segments) words += s.text.split(/\s+/).filter(Boolean).length;
  return words;
}

/** Times where speakers other than the answer's talk in the same transcript (for the pause signals). */
function otherTalk(response: Response, transcript: Transcript | undefined): { start: number; end: number }[] {
  if (!transcript) return [];
  const mine = new Set(response.segments.map((s) => s.speaker));
  const out: { start: number; end: number }[] = [];
  for (const s of transcript.segments)
    if (s.speaker !== null && !mine.has(s.speaker) && s.start !== null && s.end !== null && s.end > s.start)
      out.push({ start: s.start, end: s.end });
  return out;
}

/** Scores answers that are already split (one file per answer in an async interview). */
export function analyzeResponses(
  responses: readonly Response[],
  request: Omit<AnalysisRequest, 'transcript' | 'question' | 'candidateSpeaker'> & {
    readonly transcript?: Transcript;
    /** For a live interview: who was taken for the candidate and why (shown on the scorecard). */
    readonly candidateChoice?: CandidateChoice | null;
  },
  analyzer: SignalAnalyzer,
  engineVersion: string,
  kind: 'live' | 'async',
): AnalysisResult {
  const signals = responses.map((r, i) =>
    analyzer.analyzeResponse(
      r,
      request.job,
      request.answerVoices?.[i] ?? request.voice ?? null,
      otherTalk(r, request.transcript),
    ),
  );
  const candidate =
    responses.find((r) => r.segments[0]?.speaker)?.segments[0]?.speaker ??
    request.transcript?.meta?.candidate ??
    null;
  const talk = kind === 'live' && request.transcript ? speakingTime(request.transcript, candidate) : null;
  const scorecard = buildScorecard({
    engineVersion,
    framework: request.framework,
    catalogue: analyzer.catalogue,
    scoreVoice: request.scoreVoice ?? false,
    responses,
    signals,
    job: request.job,
    questionBank: request.questions,
    recogniser: request.recogniser ?? request.transcript?.recogniser ?? null,
    warnings: request.warnings ?? request.transcript?.warnings ?? [],
    source: {
      file: request.source.file,
      format: request.transcript?.format ?? null,
      kind: request.transcript?.meta?.kind ?? kind,
      sha256: request.source.sha256,
      candidate,
      ...(request.candidateChoice ? { candidateReason: request.candidateChoice.reason } : {}),
      ...(talk ? { talk } : {}),
    },
  });
  const transcript = request.transcript?.segments ?? responses.flatMap((r) => [...r.prompt, ...r.segments]);
  return { scorecard, transcript, responses, signals };
}
