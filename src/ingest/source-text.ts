import { CandorError } from '../core/index.js';

/** Options every parser takes. */
export interface ParseOptions {
  /** File name, only used in error details and messages. */
  readonly file?: string;
}

/**
 * Splits a transcript into lines, dropping a leading byte-order mark and accepting `\n`, `\r\n`
 * and `\r` endings (Windows tools and old Mac exports both occur). Line numbers are 1-based:
 * `lines[0]` is line 1.
 */
export function splitLines(content: string): string[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  return text.split(/\r\n|\r|\n/);
}

/** True when the text holds nothing but whitespace (or a byte-order mark). */
export function isBlank(content: string): boolean {
  return /^[\s\uFEFF]*$/.test(content);
}

/** Quotes a piece of the input for an error message, shortened so a huge line stays readable. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}

/**
 * The error every parser throws for malformed input: the message starts with the line, and the
 * details carry `line` and `file` so the CLI and the API can point at the spot.
 */
export function invalidAt(line: number, message: string, options: ParseOptions = {}): CandorError {
  const details: Record<string, unknown> = { line };
  if (options.file !== undefined) details.file = options.file;
  return new CandorError('TRANSCRIPT_INVALID', `line ${line}: ${message}`, details);
}

/** The error for input with no usable content at all. */
export function invalidFile(message: string, options: ParseOptions = {}): CandorError {
  const details: Record<string, unknown> = {};
  if (options.file !== undefined) details.file = options.file;
  return new CandorError('TRANSCRIPT_INVALID', message, details);
}

/** Collapses runs of whitespace to one space and trims; every parser normalises text this way. */
export function normalizeSpace(text: string): string {
  // Most caption text is already clean: checking by hand first avoids a regex copy per segment.
  let clean = true;
  let previousSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c === 32;
    if (
      (space && previousSpace) ||
      (c <= 13 && c >= 9) ||
      c === 0xa0 ||
      (c > 0x1fff && /\s/.test(text.charAt(i)))
    ) {
      clean = false;
      break;
    }
    previousSpace = space;
  }
  if (clean && !previousSpace) return text;
  return text.replace(/\s+/g, ' ').trim();
}
