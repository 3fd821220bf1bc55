/** Times are seconds from the start of the recording. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /**
   * 0–1: the recogniser's own confidence that this word was said (pocketsphinx: the word's
   * posterior probability in its lattice), when the words came from speech recognition that gives one.
   */
  readonly confidence?: number;
  /** Set when the word was not recognised but heard another way: `filled pause` (um/uh from the sound). */
  readonly origin?: 'filled pause';
}

export interface Segment {
  /** Speaker label as the source gave it, or null when unknown. */
  readonly speaker: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string;
  /** Word timings, when the source has them (JSON import, speech-to-text). */
  readonly words?: readonly Word[];
  /** 1-based line in the source file where this segment starts, for error messages and evidence. */
  readonly line?: number;
}

/** `csv`: a table of turns (speaker, text, optional start and end), CSV or TSV. */
export type TranscriptFormat = 'vtt' | 'srt' | 'json' | 'text' | 'csv';

export interface Transcript {
  readonly format: TranscriptFormat;
  readonly segments: readonly Segment[];
  /** The speech recogniser that wrote it, when it came from a recording (e.g. "pocketsphinx"). */
  readonly recogniser?: string;
  /** What went wrong reading its source, in words (a recording that ends early, decode errors). */
  readonly warnings?: readonly string[];
  /** Optional metadata a JSON transcript may carry. */
  readonly meta?: {
    readonly title?: string;
    readonly candidate?: string;
    readonly interviewers?: readonly string[];
    readonly kind?: InterviewKind;
  };
}

export type InterviewKind = 'async' | 'live' | 'practice' | 'customer' | 'exit' | 'research' | 'sales';
