/**
 * Filled pauses (um, uh, er, mm) from the sound, after Goto, Itou & Hayamizu (1999, "A real-time
 * filled pause detection system for spontaneous speech recognition", Eurospeech): a filled pause is
 * a vowel or hum held still, so its F0 hardly moves and its spectral envelope hardly changes, for
 * longer than a syllable of fluent speech. Three cues, frame by frame on a 10 ms grid:
 * - voiced (Praat's pitch contour) and sounding (at least `loudnessDb` above the recording's silence
 *   threshold, so a neighbour's voice leaking into a headset does not count);
 * - F0 moves at most `f0SemitonesPer10ms` (octave jumps of the pitch tracker are not movement);
 * - the LPC-cepstral envelope moves at most `envelopeChange` over 40 ms (see spectral-envelope.ts).
 * Frames that pass are joined across gaps of up to `gapSeconds` (the vowel-to-nasal step in "um"),
 * and a stretch of at least `minimumSeconds` that has silence on both sides (within `reachSeconds`,
 * lasting `silenceSeconds`) is a filled pause: um and uh are mostly said between pauses (Clark &
 * Fox Tree 2002; Maclay & Osgood 1959), while a lengthened vowel inside fluent read speech is not.
 *
 * Thresholds were fitted on two AMI headset tracks (source1, source3 of meeting-ami) for recall and
 * on the LibriVox clips and jfk.flac (read speech, no fillers) for false alarms; bench/fillers.mjs
 * reports them, with source0 and source2 held out.
 */
import type { EnvelopeTrack } from './spectral-envelope.js';
import { envelopeChange } from './spectral-envelope.js';

export interface FilledPauseOptions {
  /** Shortest filled pause, seconds. Default 0.25 (a fluent syllable lasts about 0.2 s). */
  readonly minimumSeconds?: number;
  /** Largest F0 movement, semitones per 10 ms (measured over 40 ms). Default 0.5. */
  readonly f0SemitonesPer10ms?: number;
  /** Largest LPC-cepstral distance over 40 ms. Default 0.6. */
  readonly envelopeChange?: number;
  /** dB above the silence threshold a frame must reach. Default 5. */
  readonly loudnessDb?: number;
  /** Longest run of failing frames inside one filled pause, seconds. Default 0.06. */
  readonly gapSeconds?: number;
  /** Silence needed on each side, seconds. Default 0.15. */
  readonly silenceSeconds?: number;
  /** How far from the stretch's edge that silence may begin, seconds. Default 0.15. */
  readonly reachSeconds?: number;
}

const DEFAULTS: Required<FilledPauseOptions> = {
  minimumSeconds: 0.25,
  f0SemitonesPer10ms: 0.5,
  envelopeChange: 0.6,
  loudnessDb: 5,
  gapSeconds: 0.06,
  silenceSeconds: 0.15,
  reachSeconds: 0.15,
};

/** A regular frame track: time of frame 0, step, values. */
interface Track {
  readonly start: number;
  readonly step: number;
}

/** What the detector reads: the recording's voice contours and its spectral envelope. */
export interface FilledPauseInput {
  readonly pitch: Track & { readonly f0: Float32Array };
  readonly intensity: Track & { readonly db: Float32Array };
  /** Intensity below which a frame is silent, dB (the prosody summary's `silenceThresholdDb`). */
  readonly silenceThresholdDb: number;
  readonly envelope: EnvelopeTrack;
}

export interface FilledPause {
  /** Seconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  /** Mean LPC-cepstral change over the stretch (lower: steadier). */
  readonly envelopeChange: number;
  /** Median F0 over the stretch, Hz. */
  readonly f0Hz: number;
}

const SPAN = 2;

/**
 * The filled pauses of a recording, in time order.
 * @example findFilledPauses({ pitch, intensity, silenceThresholdDb: 38, envelope }) // [{ start: 5.56, end: 5.98, … }]
 */
export function findFilledPauses(input: FilledPauseInput, options: FilledPauseOptions = {}): FilledPause[] {
  const o = { ...DEFAULTS, ...options };
  const { pitch, intensity, envelope } = input;
  const value = (track: Track, values: Float32Array, t: number): number | undefined =>
    values[Math.round((t - track.start) / track.step)];
  const f0At = (t: number): number => value(pitch, pitch.f0, t) ?? 0;
  const dbAt = (t: number): number | undefined => value(intensity, intensity.db, t);
  const maxMove = o.f0SemitonesPer10ms * 2 * SPAN;
  const maxGap = Math.round(o.gapSeconds / envelope.step);
  const stretches: { first: number; last: number; change: number; f0: number[] }[] = [];
  let open: (typeof stretches)[number] | null = null;
  let misses = 0;
  for (let i = SPAN; i < envelope.frames - SPAN; i++) {
    const t = envelope.firstTime + i * envelope.step;
    const f0 = f0At(t);
    const before = f0At(t - SPAN * envelope.step);
    const after = f0At(t + SPAN * envelope.step);
    const db = dbAt(t);
    const change = envelopeChange(envelope, i, SPAN);
    const steady =
      db !== undefined &&
      db >= input.silenceThresholdDb + o.loudnessDb &&
      f0 > 0 &&
      before > 0 &&
      after > 0 &&
      semitoneMove(before, after) <= maxMove &&
      change <= o.envelopeChange;
    if (steady) {
      open ??= { first: i, last: i, change: 0, f0: [] };
      open.last = i;
      open.change += change;
      open.f0.push(f0);
      misses = 0;
    } else if (open && ++misses > maxGap) {
      stretches.push(open);
      open = null;
      misses = 0;
    }
  }
  if (open) stretches.push(open);

  const silentAt = (t: number): boolean => {
    const db = dbAt(t);
    return db === undefined || db < input.silenceThresholdDb;
  };
  const silenceBeside = (edge: number, direction: -1 | 1): boolean => {
    const step = intensity.step;
    for (let gap = 0; gap <= o.reachSeconds + 1e-9; gap += step) {
      let silent = true;
      for (let d = 0; d < o.silenceSeconds && silent; d += step)
        silent = silentAt(edge + direction * (gap + d));
      if (silent) return true;
    }
    return false;
  };

  // A frame covers half its 25 ms window either side of its centre.
  const half = 0.0125;
  const found: FilledPause[] = [];
  for (const s of stretches) {
    const start = envelope.firstTime + s.first * envelope.step - half;
    const end = envelope.firstTime + s.last * envelope.step + half;
    if (end - start < o.minimumSeconds) continue;
    if (!silenceBeside(start, -1) || !silenceBeside(end, 1)) continue;
    const sorted = [...s.f0].sort((a, b) => a - b);
    found.push({
      start: round(Math.max(0, start)),
      end: round(end),
      envelopeChange: round(s.change / s.f0.length),
      f0Hz: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    });
  }
  return found;
}

/** F0 movement in semitones, folding octave jumps (a pitch tracker's halving or doubling) to 0. */
function semitoneMove(a: number, b: number): number {
  const move = Math.abs(12 * Math.log2(b / a)) % 12;
  return Math.min(move, 12 - move);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
