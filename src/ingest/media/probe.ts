import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { CandorError } from '../../core/index.js';
import { findFfmpeg } from './ffmpeg-tools.js';
import { ffmpegReason, mediaUnreadable } from './media-error.js';

/** What a recording holds, as ffprobe reports it. */
export interface MediaInfo {
  /** Length in seconds, or null when the container does not say (some raw streams). */
  readonly durationSeconds: number | null;
  readonly hasAudio: boolean;
  /** A real picture track; an mp3's embedded cover art does not count. */
  readonly hasVideo: boolean;
  /** ffprobe's container name, e.g. "flac", "wav", "mov,mp4,m4a,3gp,3g2,mj2", "mpeg". */
  readonly format: string;
  /** Codec of the first audio track, e.g. "flac", "pcm_s16le", "mp2", or null without audio. */
  readonly codec: string | null;
  readonly sampleRate: number | null;
  readonly channels: number | null;
}

export interface ProbeOptions {
  /** Give up after this long; default 30 s (probing reads only the file's head). */
  readonly timeoutMs?: number;
}

interface FfprobeJson {
  readonly format?: { readonly format_name?: string; readonly duration?: string };
  readonly streams?: readonly {
    readonly codec_type?: string;
    readonly codec_name?: string;
    readonly sample_rate?: string;
    readonly channels?: number;
    readonly disposition?: { readonly attached_pic?: number };
  }[];
}

/**
 * Checks that `file` exists, is a file and is not empty.
 * @throws CandorError FILE_UNREADABLE (missing, a folder), MEDIA_UNREADABLE (empty)
 */
export async function assertReadableMedia(file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new CandorError('FILE_UNREADABLE', `cannot read ${file}: it is a folder, not a recording`, {
        file,
      });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof CandorError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new CandorError('FILE_UNREADABLE', `cannot read ${file}: ${reason}`, { file });
  }
  if (size === 0) throw mediaUnreadable(file, 'file is empty');
}

const positive = (value: unknown): number | null => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
};

function run(
  program: string,
  args: string[],
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; ok: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(
      program,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const timedOut = error !== null && (error as { killed?: boolean }).killed === true;
        resolve({ stdout, stderr, ok: error === null, timedOut });
      },
    );
  });
}

/**
 * Reads a recording's duration, tracks and codec with ffprobe (JSON output), or from ffmpeg's banner
 * when only ffmpeg is installed.
 *
 * @throws CandorError FILE_UNREADABLE (missing), MEDIA_UNREADABLE (empty, corrupt, not media — the
 *   message carries ffprobe's own reason), ASSET_MISSING (no ffmpeg)
 * @example const { durationSeconds, hasAudio } = await probeMedia('interview.webm')
 */
export async function probeMedia(file: string, options: ProbeOptions = {}): Promise<MediaInfo> {
  await assertReadableMedia(file);
  const tools = await findFfmpeg();
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!tools.ffprobe) return probeWithFfmpeg(tools.ffmpeg, file, timeoutMs);
  const result = await run(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${file}`],
    timeoutMs,
  );
  if (result.timedOut) throw mediaUnreadable(file, `ffprobe did not answer within ${timeoutMs / 1000} s`);
  if (!result.ok) throw mediaUnreadable(file, ffmpegReason(result.stderr, file, 'ffprobe could not read it'));
  let json: FfprobeJson;
  try {
    json = JSON.parse(result.stdout) as FfprobeJson;
  } catch {
    throw mediaUnreadable(file, 'ffprobe gave no readable answer');
  }
  const streams = json.streams ?? [];
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!json.format?.format_name)
    throw mediaUnreadable(file, ffmpegReason(result.stderr, file, 'not a media file'));
  return {
    durationSeconds: positive(json.format.duration),
    hasAudio: audio !== undefined,
    hasVideo: streams.some((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1),
    format: json.format.format_name,
    codec: audio?.codec_name ?? null,
    sampleRate: positive(audio?.sample_rate),
    channels: positive(audio?.channels),
  };
}

/**
 * Fallback for the npm ffmpeg (no ffprobe): `ffmpeg -i FILE` prints the input's description and
 * exits 1 ("At least one output file must be specified"); the lines parsed are its documented
 * banner: `Input #0, flac, from …`, `Duration: 00:00:11.00`, `Stream #0:0: Audio: flac, 44100 Hz, stereo`.
 */
async function probeWithFfmpeg(ffmpeg: string, file: string, timeoutMs: number): Promise<MediaInfo> {
  const { stderr, timedOut } = await run(
    ffmpeg,
    ['-hide_banner', '-nostdin', '-i', `file:${file}`],
    timeoutMs,
  );
  if (timedOut) throw mediaUnreadable(file, `ffmpeg did not answer within ${timeoutMs / 1000} s`);
  const input = /^Input #0, ([^ ]+), from/m.exec(stderr);
  if (!input?.[1]) throw mediaUnreadable(file, ffmpegReason(stderr, file, 'not a media file'));
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const audio = /Stream #\d+:\d+[^:]*: Audio: ([\w-]+)[^\n]*?(?:, (\d+) Hz)?(?:, (mono|stereo))?/.exec(
    stderr,
  );
  const video = /Stream #\d+:\d+[^:]*: Video: (?![^\n]*attached pic)/.test(stderr);
  return {
    durationSeconds: duration
      ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
      : null,
    hasAudio: audio !== null,
    hasVideo: video,
    format: input[1].replace(/,$/, ''),
    codec: audio?.[1] ?? null,
    sampleRate: positive(audio?.[2]),
    channels: audio?.[3] === 'mono' ? 1 : audio?.[3] === 'stereo' ? 2 : null,
  };
}
