import { createSignalAnalyzer, type SignalAnalyzer } from '../analysis/index.js';

let sharedAnalyzer: SignalAnalyzer | undefined;

/**
 * The process's (or the analysis thread's) signal analyser, created on first use: loading the
 * word vectors takes about a second and 100 MB, so every path shares one.
 * @example const result = scoreInput(input, basis, defaultAnalyzer())
 */
export function defaultAnalyzer(): SignalAnalyzer {
  return (sharedAnalyzer ??= createSignalAnalyzer());
}
