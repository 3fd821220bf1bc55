/**
 * Test-only helpers (excluded from the build by name): decode audio with ffmpeg, run Praat's
 * reference analysis, and compare contours. The product's own decoder lives in src/ingest/media.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PRAAT_SCRIPT = path.join(here, 'praat', 'pitch-intensity.praat');
export const PRAAT_SILENCES_SCRIPT = path.join(here, 'praat', 'silences.praat');
export const SPEECH_DIR = path.resolve(here, '../../../../../shared/data/speech');

/** Whether an executable is on the PATH. */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Decodes any file ffmpeg reads into 16 kHz mono float samples. */
export function decodeToFloat32(file: string, sampleRate = 16000): Float32Array {
  const bytes = execFileSync(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-i', file, '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', '-'],
    { maxBuffer: 1 << 30 },
  );
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
}

/** Decodes to a 16-bit mono WAV (16 kHz unless told) in a temporary folder, so Praat and Candor read the same samples. */
export function toWav(file: string, sampleRate = 16000): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-prosody-'));
  const out = path.join(dir, path.basename(file).replace(/\.[^.]+$/, '') + '.wav');
  const rate = ['-ar', String(sampleRate)];
  execFileSync('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-i',
    file,
    '-ac',
    '1',
    ...rate,
    '-c:a',
    'pcm_s16le',
    out,
  ]);
  return out;
}

export interface PraatReference {
  readonly pitchTimes: number[];
  readonly f0: number[];
  readonly intensityTimes: number[];
  readonly intensity: number[];
  readonly pitchSeconds: number;
  readonly intensitySeconds: number;
}

/** Runs Praat's pitch and intensity on a WAV file. */
export function runPraat(file: string): PraatReference {
  // Praat resolves relative paths against the script's folder, so pass absolute ones.
  const wav = path.resolve(file);
  const out = wav + '.praat.txt';
  execFileSync('praat', ['--run', PRAAT_SCRIPT, wav, out]);
  return parsePraatOutput(readFileSync(out, 'utf8'));
}

/** Praat's silent intervals of a WAV file: from its default intensity, and from `Sound: To TextGrid (silences)`. */
export interface PraatSilences {
  /** `Intensity: To TextGrid (silences)` on `To Intensity: 100, 0, yes` (the contour Candor computes). */
  readonly intensity: { start: number; end: number }[];
  /** `Sound: To TextGrid (silences)`, which band-filters 80–8000 Hz before its intensity. */
  readonly sound: { start: number; end: number }[];
}

/** Runs praat/silences.praat on a WAV file. */
export function runPraatSilences(file: string): PraatSilences {
  const wav = path.resolve(file);
  const out = wav + '.silences.txt';
  execFileSync('praat', ['--run', PRAAT_SILENCES_SCRIPT, wav, out]);
  const result: PraatSilences = { intensity: [], sound: [] };
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    const [kind, a, b, label] = line.trim().split(/\s+/);
    if ((kind === 'intensity' || kind === 'sound') && label === 'silent')
      result[kind].push({ start: Number(a), end: Number(b) });
  }
  return result;
}

export function parsePraatOutput(text: string): PraatReference {
  const ref = {
    pitchTimes: [] as number[],
    f0: [] as number[],
    intensityTimes: [] as number[],
    intensity: [] as number[],
  };
  let pitchSeconds = NaN;
  let intensitySeconds = NaN;
  for (const line of text.split('\n')) {
    const [kind, a, b] = line.trim().split(/\s+/);
    if (kind === 'pitch') {
      ref.pitchTimes.push(Number(a));
      ref.f0.push(Number(b));
    } else if (kind === 'intensity') {
      ref.intensityTimes.push(Number(a));
      ref.intensity.push(Number(b));
    } else if (kind === 'seconds') {
      if (a === 'pitch') pitchSeconds = Number(b);
      else intensitySeconds = Number(b);
    }
  }
  return { ...ref, pitchSeconds, intensitySeconds };
}

/** Reads a PCM16 WAV the way Praat does (sample / 32768), mono or the first channel only. */
export function readWav16(file: string): { samples: Float32Array; sampleRate: number } {
  const buf = readFileSync(file);
  let pos = 12;
  let sampleRate = 0;
  let channels = 1;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(pos + 10);
      sampleRate = buf.readUInt32LE(pos + 12);
    } else if (id === 'data') {
      const n = Math.floor(size / 2 / channels);
      const samples = new Float32Array(n);
      for (let i = 0; i < n; i++) samples[i] = buf.readInt16LE(pos + 8 + i * 2 * channels) / 32768;
      return { samples, sampleRate };
    }
    pos += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

export interface Agreement {
  /** Frames compared (pitch). */
  readonly frames: number;
  /** Share of frames where both agree on voiced vs unvoiced. */
  readonly voicingAgreement: number;
  /** Share of frames voiced in both where |ours / praat − 1| > 20 %. */
  readonly grossPitchError: number;
  /** Median |12·log2(ours / praat)| over frames voiced in both, in semitones. */
  readonly medianSemitones: number;
  /** Median |ours − praat| intensity, dB. */
  readonly medianIntensityDb: number;
  readonly bothVoiced: number;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

/** Frame-by-frame agreement of our contours with Praat's (frames matched by index; grids must agree). */
export function agreement(
  ours: { f0: ArrayLike<number>; intensity: ArrayLike<number> },
  praat: PraatReference,
): Agreement {
  const n = Math.min(ours.f0.length, praat.f0.length);
  let agree = 0;
  let gross = 0;
  const semitones: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = ours.f0[i]!;
    const b = praat.f0[i]!;
    if (a > 0 === b > 0) agree++;
    if (a > 0 && b > 0) {
      if (Math.abs(a / b - 1) > 0.2) gross++;
      semitones.push(Math.abs(12 * Math.log2(a / b)));
    }
  }
  const m = Math.min(ours.intensity.length, praat.intensity.length);
  const db: number[] = [];
  for (let i = 0; i < m; i++) db.push(Math.abs(ours.intensity[i]! - praat.intensity[i]!));
  return {
    frames: n,
    voicingAgreement: n === 0 ? NaN : agree / n,
    grossPitchError: semitones.length === 0 ? 0 : gross / semitones.length,
    medianSemitones: median(semitones),
    medianIntensityDb: median(db),
    bothVoiced: semitones.length,
  };
}

/** Whether the shared speech clips are present (they always are in CI). */
export function speechDataPresent(): boolean {
  return existsSync(path.join(SPEECH_DIR, 'jfk.flac')) && existsSync(path.join(SPEECH_DIR, 'librivox'));
}

/** The LibriVox clips with their reference transcripts (`transcription`, one line per clip). */
export function librivoxClips(): { file: string; text: string }[] {
  const dir = path.join(SPEECH_DIR, 'librivox');
  return readFileSync(path.join(dir, 'transcription'), 'utf8')
    .split('\n')
    .map((line) => /^<s> (.*) <\/s> \((.*)\)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: path.join(dir, `${m[2]}.wav`), text: m[1]! }));
}

/** A sine of `hz` at amplitude `amplitude` for `seconds` (16 kHz unless told). */
export function sine(hz: number, seconds: number, amplitude = 0.5, sampleRate = 16000): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/**
 * A train of Rosenberg (1971) glottal pulses at `hz` (opening 40 %, closing 16 % of the period),
 * differentiated for lip radiation: the usual synthetic stand-in for a voice source.
 */
export function glottalPulses(hz: number, seconds: number, sampleRate = 16000): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const flow = new Float64Array(n);
  const period = sampleRate / hz;
  const open = 0.4 * period;
  const close = 0.16 * period;
  for (let i = 0; i < n; i++) {
    const t = i % period;
    if (t <= open) flow[i] = 0.5 * (1 - Math.cos((Math.PI * t) / open));
    else if (t <= open + close) flow[i] = Math.cos((Math.PI * (t - open)) / (2 * close));
  }
  const out = new Float32Array(n);
  for (let i = 1; i < n; i++) out[i] = 0.5 * (flow[i]! - flow[i - 1]!) * 10;
  return out;
}

/** Concatenates sample arrays. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
