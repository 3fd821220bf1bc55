import type { AnalysisResult } from '../../assessment/index.js';
import { analyzeFile as analyzeInput, type AnalyzeFileOptions } from '../../pipeline/index.js';
import { recogniser } from '../context.js';
import { readRecording } from './recording.js';

/** What `candor analyze` takes: everything `analyzeFile` in src/pipeline does but its parts. */
export type AnalyzeOptions = Omit<AnalyzeFileOptions, 'analyzer' | 'recogniser' | 'readRecording' | 'limits'>;

/**
 * `candor analyze`: the pipeline's `analyzeFile` with the configured recogniser and a progress
 * line on stderr for each recording. Input limits come from the environment, as for the server.
 * @example await analyzeFile('examples/interviews/priya-strong.vtt', { framework: 'default', questions: 'default' })
 */
export function analyzeFile(file: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  return analyzeInput(file, { ...options, recogniser, readRecording });
}
