/**
 * One interview's features: every catalogue signal aggregated over its answers, exactly as the
 * scorecard aggregates them, plus the interview's totals. `candor features` writes these rows and
 * a trained model (src/model) scores them, so training and scoring read the same numbers.
 */
import { buildDocumentFromSegments } from '../analysis/language/index.js';
import { uniqueWordTypes } from '../analysis/language/signals/index.js';
import { aggregateSignal, type AnalysisResult } from '../assessment/index.js';
import type { Response, ResponseSignals, Segment, SignalDefinition } from '../domain/index.js';
import { wordCount } from '../ingest/similarity.js';

/**
 * Interview-level features that are not a catalogue signal of one answer, in column order.
 * - totalWords: words in all scored answers (wink-nlp words, as the `wordCount` signal counts them).
 * - answerCount: scored answers (after short follow-ups are joined to their answer).
 * - longestAnswerWords: words in the longest answer. (The mean answer length is the `wordCount` column.)
 * - interviewUniqueWords: distinct words (lower-cased types) over all answers together.
 * - interviewerTurns: turns (runs of one speaker) by anyone but the candidate, backchannels ("mhm") included.
 * - candidateTurns: the candidate's turns, small talk included.
 * - meanTurnWords: the candidate's words (split at spaces) per candidate turn.
 * The last four need the interview's text (`InterviewText`); without it they are null.
 */
export const INTERVIEW_TOTALS = [
  'totalWords',
  'answerCount',
  'longestAnswerWords',
  'interviewUniqueWords',
  'interviewerTurns',
  'candidateTurns',
  'meanTurnWords',
] as const;

export type InterviewTotal = (typeof INTERVIEW_TOTALS)[number];

/** The interview's words, for the totals that need more than per-answer signals. */
export interface InterviewText {
  /** Every segment of the interview in order, answers and everything around them (`AnalysisResult.transcript`). */
  readonly transcript: readonly Segment[];
  /** The scored answers (`AnalysisResult.responses`); their speakers are the candidate. */
  readonly responses: readonly Response[];
}

/**
 * Every catalogue signal aggregated over the answers, and the interview totals. Pass the
 * interview's text (or use `interviewFeaturesOf`) for the turn-structure and unique-word totals.
 * @example interviewFeatures(result.signals, analyzer.catalogue, result).totalWords
 */
export function interviewFeatures(
  perResponse: readonly ResponseSignals[],
  catalogue: readonly SignalDefinition[],
  interview?: InterviewText,
): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const definition of catalogue) values[definition.id] = aggregateSignal(definition, perResponse).value;
  values.totalWords = perResponse.reduce((sum, r) => sum + r.words, 0);
  values.answerCount = perResponse.length;
  values.longestAnswerWords = perResponse.length > 0 ? Math.max(...perResponse.map((r) => r.words)) : null;
  const text = interview ? interviewTextTotals(interview) : null;
  values.interviewUniqueWords = text?.uniqueWords ?? null;
  values.interviewerTurns = text?.interviewerTurns ?? null;
  values.candidateTurns = text?.candidateTurns ?? null;
  values.meanTurnWords = text?.meanTurnWords ?? null;
  return values;
}

/**
 * `interviewFeatures` of an analysis, with its text: what training rows and model scoring use.
 * @example interviewFeaturesOf(await analyzeFile('p1.json', options), SIGNAL_CATALOGUE).interviewerTurns
 */
export function interviewFeaturesOf(
  result: Pick<AnalysisResult, 'signals' | 'transcript' | 'responses'>,
  catalogue: readonly SignalDefinition[],
): Record<string, number | null> {
  return interviewFeatures(result.signals, catalogue, result);
}

interface TextTotals {
  readonly uniqueWords: number | null;
  readonly interviewerTurns: number;
  readonly candidateTurns: number;
  readonly meanTurnWords: number | null;
}

function interviewTextTotals({ transcript, responses }: InterviewText): TextTotals {
  const answerSegments = responses.flatMap((r) => r.segments);
  const uniqueWords =
    answerSegments.length > 0 ? uniqueWordTypes(buildDocumentFromSegments(0, answerSegments)) : null;
  const candidate = new Set(answerSegments.map((s) => s.speaker));
  let interviewerTurns = 0;
  let candidateTurns = 0;
  let candidateWords = 0;
  let previous: { speaker: string | null; candidate: boolean } | null = null;
  for (const segment of transcript) {
    const words = wordCount(segment.text);
    if (words === 0) continue;
    const isCandidate = candidate.has(segment.speaker);
    if (isCandidate) candidateWords += words;
    if (previous && previous.speaker === segment.speaker) continue;
    previous = { speaker: segment.speaker, candidate: isCandidate };
    if (isCandidate) candidateTurns++;
    else interviewerTurns++;
  }
  return {
    uniqueWords,
    interviewerTurns,
    candidateTurns,
    meanTurnWords: candidateTurns > 0 ? Math.round((candidateWords / candidateTurns) * 100) / 100 : null,
  };
}
