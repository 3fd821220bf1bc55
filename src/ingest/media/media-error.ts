import { CandorError } from '../../core/index.js';

/** `MEDIA_UNREADABLE` with the message `<file>: <reason>` and the file in `details`. */
export function mediaUnreadable(
  file: string,
  reason: string,
  extra: Record<string, unknown> = {},
): CandorError {
  return new CandorError('MEDIA_UNREADABLE', `${file}: ${reason}`, { file, ...extra });
}

/**
 * ffmpeg's own reason, first line: it prefixes errors with the input path ("x.wav: Invalid data
 * found when processing input"), which the caller's message already carries, so that is dropped.
 */
export function ffmpegReason(stderr: string, file: string, fallback: string): string {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return fallback;
  for (const prefix of [`file:${file}: `, `${file}: `]) {
    if (line.startsWith(prefix)) return line.slice(prefix.length);
  }
  return line;
}

/** Keeps the head of a child's stderr: the first lines carry the reason, the rest can be huge. */
export class StderrHead {
  private text = '';
  constructor(private readonly limit = 16 * 1024) {}
  push(chunk: Buffer | string): void {
    if (this.text.length < this.limit) this.text += chunk.toString();
  }
  toString(): string {
    return this.text.slice(0, this.limit);
  }
}
