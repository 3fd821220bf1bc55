import type { LanguageAnalyzer } from '../analysis/language/index.js';
import type { JobProfile, Question, Response, ResponseSignals, Transcript } from '../domain/index.js';
import { responsesFromAnswers, segmentLiveInterview } from '../ingest/index.js';
import type { Framework } from './framework-schema.js';
import { buildScorecard } from './scorecard.js';
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
}

export interface AnalysisResult {
  readonly scorecard: Scorecard;
  readonly responses: readonly Response[];
  readonly signals: readonly ResponseSignals[];
}

/**
 * Transcript → answers → signals → scorecard. A transcript with two or more speakers is a live
 * interview (answers are found by speaker and matched to the question set); one speaker is a
 * single recorded answer.
 * @example analyzeTranscript(request, createLanguageAnalyzer(), '0.1.0').scorecard.overall.score
 */
export function analyzeTranscript(request: AnalysisRequest, analyzer: LanguageAnalyzer, engineVersion: string): AnalysisResult {
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
  return analyzeResponses(responses, request, analyzer, engineVersion, live ? 'live' : 'async');
}

/** Scores answers that are already split (one file per answer in an async interview). */
export function analyzeResponses(
  responses: readonly Response[],
  request: Omit<AnalysisRequest, 'transcript' | 'question' | 'candidateSpeaker'> & { readonly transcript?: Transcript },
  analyzer: LanguageAnalyzer,
  engineVersion: string,
  kind: 'live' | 'async',
): AnalysisResult {
  const signals = responses.map((r) => analyzer.analyzeResponse(r, request.job));
  const candidate = responses.find((r) => r.segments[0]?.speaker)?.segments[0]?.speaker ?? request.transcript?.meta?.candidate ?? null;
  const scorecard = buildScorecard({
    engineVersion,
    framework: request.framework,
    catalogue: analyzer.catalogue,
    responses,
    signals,
    job: request.job,
    questionBank: request.questions,
    source: {
      file: request.source.file,
      format: request.transcript?.format ?? null,
      kind: request.transcript?.meta?.kind ?? kind,
      sha256: request.source.sha256,
      candidate,
    },
  });
  return { scorecard, responses, signals };
}
