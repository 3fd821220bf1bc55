import { closeSync, openSync, readSync } from 'node:fs';

/** Seconds missing at the end that count as damage: 0.5 s, or 2% of a long recording. */
export function missingTolerance(declaredSeconds: number): number {
  return Math.max(0.5, 0.02 * declaredSeconds);
}

/**
 * The length a WAV file's header declares (data chunk bytes / byte rate), or null when the file is
 * not a RIFF WAVE, has no data chunk in its first 64 KB, or declares a streaming size (0 or
 * 0xFFFFFFFF). ffprobe estimates a cut WAV's duration from the bytes that are there, so the header
 * is the only place that still says how long the recording was.
 * @example wavDeclaredSeconds('answer.wav') // 60
 */
export function wavDeclaredSeconds(file: string): number | null {
  const head = Buffer.alloc(64 * 1024);
  let length: number;
  const fd = openSync(file, 'r');
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    return null;
  }
  let byteRate = 0;
  for (let at = 12; at + 8 <= length;) {
    const id = head.toString('ascii', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= length) byteRate = head.readUInt32LE(at + 16);
    if (id === 'data') {
      if (byteRate <= 0 || size === 0 || size === 0xffffffff) return null;
      return size / byteRate;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/**
 * What a decode lost, in words, or null when nothing was: a recording that ends before the length
 * its container declares, and the errors ffmpeg reported while decoding.
 * @example damageWarning({ declaredSeconds: 60, decodedSeconds: 29.8, errors: [] })
 * // 'the file ends early: the container says 60.0 s, 29.8 s could be decoded; the last 30.2 s are missing'
 */
export function damageWarning(input: {
  readonly declaredSeconds: number | null;
  readonly decodedSeconds: number;
  readonly errors: readonly string[];
}): string | null {
  const { declaredSeconds, decodedSeconds } = input;
  const errors = [...new Set(input.errors.map((e) => e.replace(/^\[[^\]]*\]\s*/, '').trim()))]
    .filter((e) => e !== '')
    .slice(0, 2);
  const reported = errors.length > 0 ? ` (ffmpeg: ${errors.join('; ')})` : '';
  if (declaredSeconds !== null && declaredSeconds - decodedSeconds > missingTolerance(declaredSeconds)) {
    const missing = declaredSeconds - decodedSeconds;
    return `the file ends early: the container says ${declaredSeconds.toFixed(1)} s, ${decodedSeconds.toFixed(1)} s could be decoded; the last ${missing.toFixed(1)} s are missing${reported}`;
  }
  if (errors.length > 0) {
    return `the recording is damaged: ffmpeg reported errors while decoding ${decodedSeconds.toFixed(1)} s of it, so some of the sound may be missing or garbled${reported}`;
  }
  return null;
}
