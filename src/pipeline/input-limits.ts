import { CandorError } from '../core/index.js';

/**
 * The largest input analysed, per kind of input. Analysis time grows with the input (a 530 KB
 * transcript took 6.9 s to score), so each kind is bounded; see docs/limits.md.
 */
export interface InputLimits {
  /** Largest transcript file, in bytes (CANDOR_TRANSCRIPT_LIMIT_KB × 1024; default 1024 KB). */
  readonly transcriptBytes: number;
  /** Longest typed answer, in characters (CANDOR_TYPED_ANSWER_LIMIT_CHARS; default 20 000). */
  readonly typedAnswerChars: number;
}

/** 1 MB holds about 3 hours of a two-person interview as WebVTT (roughly 90 words a cue line). */
export const DEFAULT_TRANSCRIPT_LIMIT_KB = 1024;
/** 20 000 characters is about 3 500 words: 25 minutes of speech, far more than one typed answer. */
export const DEFAULT_TYPED_ANSWER_LIMIT_CHARS = 20_000;

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  transcriptBytes: DEFAULT_TRANSCRIPT_LIMIT_KB * 1024,
  typedAnswerChars: DEFAULT_TYPED_ANSWER_LIMIT_CHARS,
};

const SETTINGS = {
  CANDOR_TRANSCRIPT_LIMIT_KB: { fallback: DEFAULT_TRANSCRIPT_LIMIT_KB, max: 100 * 1024 },
  CANDOR_TYPED_ANSWER_LIMIT_CHARS: { fallback: DEFAULT_TYPED_ANSWER_LIMIT_CHARS, max: 10_000_000 },
} as const;

/**
 * Reads the input limits from the environment (the CLI and the server read the same settings).
 * @throws CandorError CONFIG_INVALID naming the setting, for anything but a whole number in range
 * @example const { transcriptBytes } = inputLimitsFromEnv(process.env)
 */
export function inputLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): InputLimits {
  const read = (setting: keyof typeof SETTINGS): number => {
    const raw = env[setting]?.trim();
    const { fallback, max } = SETTINGS[setting];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) {
      throw new CandorError(
        'CONFIG_INVALID',
        `${setting}: expected an integer between 1 and ${max}, got ${JSON.stringify(raw)}`,
        { setting },
      );
    }
    return value;
  };
  return {
    transcriptBytes: read('CANDOR_TRANSCRIPT_LIMIT_KB') * 1024,
    typedAnswerChars: read('CANDOR_TYPED_ANSWER_LIMIT_CHARS'),
  };
}

/**
 * Refuses a transcript larger than the limit, before anything is parsed or stored.
 * @throws CandorError FILE_TOO_LARGE (413) with `size` and `limit` in bytes
 * @example checkTranscriptSize('call.vtt', Buffer.byteLength(text), limits)
 */
export function checkTranscriptSize(file: string, bytes: number, limits: InputLimits): void {
  if (bytes <= limits.transcriptBytes) return;
  throw new CandorError(
    'FILE_TOO_LARGE',
    `${file} is ${kb(bytes)} KB (${bytes} bytes); the transcript limit is ${kb(limits.transcriptBytes)} KB ` +
      '(setting CANDOR_TRANSCRIPT_LIMIT_KB)',
    { file, size: bytes, limit: limits.transcriptBytes, setting: 'CANDOR_TRANSCRIPT_LIMIT_KB' },
  );
}

/**
 * Refuses a typed answer longer than the limit, before anything is parsed or stored.
 * @throws CandorError FILE_TOO_LARGE (413) with `size` and `limit` in characters
 * @example checkTypedAnswer(body.content, limits)
 */
export function checkTypedAnswer(text: string, limits: InputLimits): void {
  // Characters as a person counts them: code points, not UTF-16 units.
  let chars = 0;
  for (const _ of text) if (++chars > limits.typedAnswerChars) break;
  if (chars <= limits.typedAnswerChars) return;
  const size = [...text].length;
  throw new CandorError(
    'FILE_TOO_LARGE',
    `the typed answer is ${size} characters; the limit is ${limits.typedAnswerChars} ` +
      '(setting CANDOR_TYPED_ANSWER_LIMIT_CHARS)',
    { field: 'content', size, limit: limits.typedAnswerChars, setting: 'CANDOR_TYPED_ANSWER_LIMIT_CHARS' },
  );
}

const kb = (bytes: number): string => (Math.round((bytes / 1024) * 10) / 10).toString();
