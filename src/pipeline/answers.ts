import { createHash } from 'node:crypto';
import type { SignalAnalyzer, VoiceTrack } from '../analysis/index.js';
import { analyzeResponses, type AnalysisResult, type Framework } from '../assessment/index.js';
import type { JobProfile, Question, Transcript } from '../domain/index.js';
import { responsesFromAnswers } from '../ingest/index.js';

/** One answer of an async interview: its own file, transcript, voice and question. */
export interface Answer {
  /** The answer file's name; part of the interview's content hash. */
  readonly name: string;
  readonly transcript: Transcript;
  readonly voice: VoiceTrack | null;
  readonly sha256: string;
  readonly question: Question | null;
}

/** What every analysis is scored against. */
export interface AnalysisBasis {
  readonly framework: Framework;
  readonly job: JobProfile | null;
  /** The question set: interviewer turns are matched against it; the bank for next-step questions. */
  readonly questions: readonly Question[];
  /** Let voice signals count towards scores (a workspace's opt-in). */
  readonly scoreVoice: boolean;
}

/**
 * Scores an async interview given as one answer per file, in order: each answer is its own
 * response, timed on its own recording (every answer starts at 0 s), with its own voice track.
 * The content hash covers every answer's name and bytes, so renaming or re-recording one shows.
 *
 * @example
 * analyzeAnswers(answers, { framework, job: null, questions, scoreVoice: false }, 'answers', analyzer, '0.1.0')
 */
export function analyzeAnswers(
  answers: readonly Answer[],
  basis: AnalysisBasis,
  sourceFile: string | null,
  analyzer: SignalAnalyzer,
  engineVersion: string,
): AnalysisResult {
  const responses = responsesFromAnswers(
    answers.map((a) => ({ transcript: a.transcript, question: a.question })),
  );
  const hash = createHash('sha256');
  for (const a of answers) hash.update(a.name).update(a.sha256);
  const recogniser = answers.find((a) => a.transcript.recogniser !== undefined)?.transcript.recogniser;
  const warnings = answers.flatMap((a) => (a.transcript.warnings ?? []).map((w) => `${a.name}: ${w}`));
  return analyzeResponses(
    responses,
    {
      ...basis,
      source: { file: sourceFile, sha256: hash.digest('hex') },
      answerVoices: answers.map((a) => a.voice),
      ...(recogniser === undefined ? {} : { recogniser }),
      warnings,
    },
    analyzer,
    engineVersion,
    'async',
  );
}
