import { spawn } from 'node:child_process';
import { endianness } from 'node:os';
import { findFfmpeg } from './ffmpeg-tools.js';
import { damageWarning, wavDeclaredSeconds } from './damage.js';
import { ffmpegReason, mediaUnreadable, StderrHead } from './media-error.js';
import { probeMedia, type MediaInfo } from './probe.js';

/** The sample rate every decoded stream has: what the speech recognisers expect. */
export const DECODE_SAMPLE_RATE = 16_000;

const SAMPLE_FORMAT = endianness() === 'LE' ? 'f32le' : 'f32be';

export interface DecodeOptions {
  /** Called after each chunk with the seconds decoded so far and the file's length (null if unknown). */
  readonly onProgress?: (decodedSeconds: number, durationSeconds: number | null) => void;
  /** Stops decoding and kills ffmpeg; the iteration then throws the signal's reason. */
  readonly signal?: AbortSignal;
  /** Samples per yielded chunk; default 16 000 (1 s). The last chunk may be shorter. */
  readonly chunkSamples?: number;
  /**
   * Most time spent waiting on ffmpeg, in ms; default 20 s + 0.5 × the duration (ffmpeg decodes
   * audio at well over 100× real time, so this only trips on a stuck process). Time the consumer
   * spends between chunks does not count, so a slow recogniser downstream never trips it.
   */
  readonly timeoutMs?: number;
  /** The probe, when the caller already has it. */
  readonly info?: MediaInfo;
  /**
   * Called once, after the last chunk, when the recording is damaged: it ends before the length
   * its container (or WAV header) declares, or ffmpeg reported errors. The message names what was
   * lost, e.g. "the file ends early: the container says 60.0 s, 29.8 s could be decoded; …".
   */
  readonly onWarning?: (warning: string) => void;
}

/**
 * Decodes any recording ffmpeg reads (audio or video) to 16 kHz mono float PCM (full scale ±1, not
 * clipped: resampling a loud clip can overshoot a little), streamed
 * in ~1 s chunks from ffmpeg's stdout, so an hour-long file stays in bounded memory: ffmpeg is paused
 * by the pipe while the consumer works. Breaking out of the loop, an error or an abort kills ffmpeg.
 *
 * A damaged recording (cut short, corrupt in places) yields the audio ffmpeg could decode, and
 * `onWarning` says what was lost; it fails only when no audio at all could be decoded.
 *
 * @throws CandorError FILE_UNREADABLE (missing), MEDIA_UNREADABLE (empty, corrupt, not media, no
 *   audio track, ffmpeg stuck; message `<file>: <ffmpeg's reason>`), ASSET_MISSING (no ffmpeg)
 * @example
 * for await (const chunk of decodeAudio('answer.webm')) samples += chunk.length;
 */
export async function* decodeAudio(file: string, options: DecodeOptions = {}): AsyncGenerator<Float32Array> {
  options.signal?.throwIfAborted();
  const info = options.info ?? (await probeMedia(file));
  if (!info.hasAudio) {
    throw mediaUnreadable(file, info.hasVideo ? 'has no audio track (video only)' : 'has no audio track', {
      format: info.format,
    });
  }
  const { ffmpeg } = await findFfmpeg();
  const chunkSamples = Math.max(1, Math.floor(options.chunkSamples ?? DECODE_SAMPLE_RATE));
  const budgetMs = options.timeoutMs ?? 20_000 + 500 * (info.durationSeconds ?? 3600);

  const child = spawn(
    ffmpeg,
    // file: keeps a name like `pipe:1` or `concat:a|b` from being read as an ffmpeg protocol.
    // -nostdin: never wait on the terminal; -vn/-sn/-dn: audio only; floats in this machine's byte
    // order, so ffmpeg's bytes are copied straight into Float32Arrays.
    [
      '-nostdin',
      '-v',
      'error',
      '-i',
      `file:${file}`,
      '-vn',
      '-sn',
      '-dn',
      '-ac',
      '1',
      '-ar',
      String(DECODE_SAMPLE_RATE),
      '-f',
      SAMPLE_FORMAT,
      '-',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr = new StderrHead();
  child.stderr.on('data', (d: Buffer) => stderr.push(d));
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
    child.once('error', (error) => {
      stderr.push(`${error.message}\n`);
      resolve(null);
    });
  });

  let stopReason: 'timeout' | 'abort' | null = null;
  const kill = (reason: 'timeout' | 'abort') => {
    stopReason ??= reason;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onAbort = () => kill('abort');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // Watchdog over the time spent waiting on ffmpeg only (see `timeoutMs`).
  let waitedMs = 0;
  let waitStart = 0;
  let timer: NodeJS.Timeout | undefined;
  const startWaiting = () => {
    waitStart = performance.now();
    timer = setTimeout(() => kill('timeout'), Math.max(0, budgetMs - waitedMs));
  };
  const stopWaiting = () => {
    clearTimeout(timer);
    waitedMs += performance.now() - waitStart;
  };

  let chunk = new Float32Array(chunkSamples);
  let filled = 0;
  let decoded = 0;
  let carry: Buffer = Buffer.alloc(0);
  try {
    startWaiting();
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      stopWaiting();
      const bytes: Buffer = carry.length > 0 ? Buffer.concat([carry, data]) : data;
      const whole = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(whole));
      for (let offset = 0; offset < whole;) {
        const take = Math.min(whole - offset, (chunkSamples - filled) * 4);
        new Uint8Array(chunk.buffer, filled * 4, take).set(bytes.subarray(offset, offset + take));
        filled += take / 4;
        offset += take;
        if (filled === chunkSamples) {
          decoded += filled;
          yield chunk;
          options.signal?.throwIfAborted();
          options.onProgress?.(decoded / DECODE_SAMPLE_RATE, info.durationSeconds);
          chunk = new Float32Array(chunkSamples);
          filled = 0;
        }
      }
      startWaiting();
    }
    stopWaiting();
    const code = await exited;
    if (stopReason === 'abort') throw options.signal?.reason ?? new Error('aborted');
    if (stopReason === 'timeout') {
      throw mediaUnreadable(file, `ffmpeg did not finish within ${Math.round(budgetMs / 1000)} s; killed`);
    }
    if (code !== 0 && decoded + filled === 0) {
      throw mediaUnreadable(
        file,
        ffmpegReason(stderr.toString(), file, `ffmpeg failed (exit ${String(code)})`),
      );
    }
    if (filled > 0) {
      decoded += filled;
      yield chunk.slice(0, filled);
      options.onProgress?.(decoded / DECODE_SAMPLE_RATE, info.durationSeconds);
    }
    if (decoded === 0) throw mediaUnreadable(file, 'decoded to no audio samples');
    const errors = stderr
      .toString()
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => ffmpegReason(line, file, line));
    if (code !== 0 && errors.length === 0) errors.push(`ffmpeg failed (exit ${String(code)})`);
    const warning = damageWarning({
      declaredSeconds: declaredLength(file, info),
      decodedSeconds: decoded / DECODE_SAMPLE_RATE,
      errors,
    });
    if (warning !== null) options.onWarning?.(warning);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    kill('abort');
    child.stdout.destroy();
  }
}

/** The length the container declares; for a WAV the header's, which survives a cut. */
function declaredLength(file: string, info: MediaInfo): number | null {
  const header = /\bwav\b/.test(info.format) ? wavDeclaredSeconds(file) : null;
  if (header === null) return info.durationSeconds;
  return Math.max(header, info.durationSeconds ?? 0);
}

/**
 * Decodes a whole recording into one array: for short clips and tests; use `decodeAudio` for
 * anything long.
 * @example const samples = await decodeAudioToArray('jfk.flac') // 176 000 samples
 */
export async function decodeAudioToArray(file: string, options: DecodeOptions = {}): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  let total = 0;
  for await (const chunk of decodeAudio(file, options)) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Float32Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
