import type { SignalAnalyzer, VoiceTrack } from '../analysis/index.js';
import { analyzeTranscript, type AnalysisResult } from '../assessment/index.js';
import { engineVersion } from '../core/index.js';
import type { Question, Transcript } from '../domain/index.js';
import { interviewFeaturesOf } from '../features/index.js';
import { withModel } from '../model/apply-model.js';
import type { ModelFile } from '../model/model-file.js';
import { analyzeAnswers, type AnalysisBasis, type Answer } from './answers.js';

/**
 * An input read and ready to score, whatever it came from (a file, a folder, a recording or a
 * stored interview): one transcript (a live interview, or one answer), or answers one per file.
 */
export type ReadInput =
  | {
      readonly kind: 'transcript';
      readonly transcript: Transcript;
      readonly source: { readonly file: string | null; readonly sha256: string | null };
      /** The recording's voice, when the transcript came with one. */
      readonly voice: VoiceTrack | null;
      /** For a single answer: the question it answers, when known. */
      readonly question: Question | null;
      /** The candidate's speaker label in a live interview, when the transcript does not say. */
      readonly candidateSpeaker?: string;
    }
  | {
      readonly kind: 'answers';
      readonly answers: readonly Answer[];
      /** The folder's name, or null for answers recorded one by one. */
      readonly sourceFile: string | null;
    };

/**
 * The one scoring step every path shares: a read input scored against its basis (framework,
 * job, question set, voice opt-in) with this engine's version, and, when a trained model is
 * given, that model's prediction recorded beside the framework's scores (the scorecard's
 * `model`). Without a model the scorecard is exactly the framework's. Pure CPU: the worker runs
 * it in its thread.
 * @example const result = scoreInput({ kind: 'answers', answers, sourceFile: 'answers' }, basis, defaultAnalyzer())
 */
export function scoreInput(
  input: ReadInput,
  basis: AnalysisBasis,
  analyzer: SignalAnalyzer,
  model: ModelFile | null = null,
): AnalysisResult {
  const result = scoreWithFramework(input, basis, analyzer);
  if (model === null) return result;
  const features = interviewFeaturesOf(result, analyzer.catalogue);
  return { ...result, scorecard: withModel(result.scorecard, model, features, analyzer.catalogue) };
}

function scoreWithFramework(
  input: ReadInput,
  basis: AnalysisBasis,
  analyzer: SignalAnalyzer,
): AnalysisResult {
  switch (input.kind) {
    case 'answers':
      return analyzeAnswers(input.answers, basis, input.sourceFile, analyzer, engineVersion());
    case 'transcript':
      return analyzeTranscript(
        {
          framework: basis.framework,
          job: basis.job,
          questions: basis.questions,
          scoreVoice: basis.scoreVoice,
          transcript: input.transcript,
          source: input.source,
          question: input.question,
          voice: input.voice,
          ...(input.candidateSpeaker === undefined ? {} : { candidateSpeaker: input.candidateSpeaker }),
        },
        analyzer,
        engineVersion(),
      );
    default:
      return input satisfies never;
  }
}
