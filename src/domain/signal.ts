/** A piece of the transcript that shows why a signal has its value. */
export interface Evidence {
  readonly quote: string;
  /** Seconds, when the transcript has times. */
  readonly start: number | null;
  readonly end: number | null;
  /** Which response (answer) the quote comes from. */
  readonly response: number;
  /** Short label, e.g. the filler word found or the STAR part shown. */
  readonly label?: string;
}

export type SignalUnit =
  | 'words'
  | 'words/min'
  | 'per 100 words'
  | 'words/sentence'
  | 'grade'
  | 'score'
  | 'ratio'
  | 'count'
  | 'share'
  | 'seconds'
  | 'semitones'
  | 'dB'
  | 'Hz'
  | 'syllables/s';

export interface SignalDefinition {
  /** Stable id, camelCase with the unit where it helps: `fillerWordsPer100`. */
  readonly id: string;
  readonly name: string;
  readonly unit: SignalUnit;
  /** The values the signal can take. */
  readonly range: readonly [number, number];
  /** How it is computed, in one or two sentences a user can check. */
  readonly method: string;
  /** Where the method or its lexicon comes from. */
  readonly source: string;
  /**
   * What the signal reads: the words (default), the transcript's timing, or the voice itself.
   * Voice signals are observable behaviour, never inferred emotion, and count towards a score
   * only when the workspace opts in (DESIGN principle 3).
   */
  readonly modality?: 'text' | 'timing' | 'voice';
}

export interface SignalValue {
  readonly signal: string;
  /** null when the text cannot support a value (e.g. words per minute without times). */
  readonly value: number | null;
  readonly evidence: readonly Evidence[];
  /** Why the value is null, when it is. */
  readonly reason?: string;
}

/** Every signal measured on one answer. */
export interface ResponseSignals {
  readonly response: number;
  readonly words: number;
  readonly values: ReadonlyMap<string, SignalValue>;
}
