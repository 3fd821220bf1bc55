/**
 * Filled pauses (um, uh, er, mm) from the sound, after Goto, Itou & Hayamizu (1999, "A real-time
 * filled pause detection system for spontaneous speech recognition", Eurospeech): a filled pause is
 * a vowel or hum held still, so its F0 hardly moves and its spectral envelope hardly changes, for
 * longer than a syllable of fluent speech. Three cues, frame by frame on a 10 ms grid:
 * - voiced (Praat's pitch contour) and sounding (at least `loudnessDb` above the recording's silence
 *   threshold, so a neighbour's voice leaking into a headset does not count);
 * - F0 moves at most `f0SemitonesPer10ms` (octave jumps of the pitch tracker are not movement);
 * - the LPC-cepstral envelope moves at most `envelopeChange` over 40 ms (see spectral-envelope.ts).
 * A second path hears the nasal murmur of "mm" and of the end of "um", which Praat's tracker often
 * calls unvoiced because it is quiet (its voicing decision drops frames under 3 % of the recording's
 * peak): a frame is a murmur when it is periodic (Boersma 1993 normalised autocorrelation ≥
 * `murmurPeriodicity`), its energy above 1 kHz is at least `murmurHighOverLowDb` under its energy
 * below 500 Hz (nasal murmur: one low resonance, the rest damped; Fujimura 1962), it is within
 * `murmurBelowDb` of the silence threshold, and its envelope holds still as above. A stretch that
 * is nasal throughout ("mm") may be as short as `murmurMinimumSeconds`.
 * Frames that pass either path are joined across gaps of up to `gapSeconds` (the vowel-to-nasal
 * step in "um"), and a stretch of at least `minimumSeconds` that has silence on both sides (within
 * `reachSeconds`, lasting `silenceSeconds`) is a filled pause: um and uh are mostly said between
 * pauses (Clark & Fox Tree 2002; Maclay & Osgood 1959), while a lengthened vowel inside fluent read
 * speech is not. Clark & Fox Tree (2002, "Using uh and um in spontaneous speaking", Cognition 84)
 * find them followed by a pause more often than preceded by one, so `silenceBefore: false` (silence
 * after only) was tried: on 21 min of fluent recorded prompts (Asterisk core sounds, Allison) it
 * gives 1.67 false filled pauses per minute against none (phrase-final lengthening: "goodbye",
 * "please try again"), and on the tuning tracks one false pause (B's lengthened "when", 7.6 s) and
 * no true one more; bench/fillers.mjs prints both. Silence on both sides stays the default.
 * A stretch whose last `umNasalSeconds` or more have a nasal spectrum (high over low band under
 * `murmurHighOverLowDb`) after at least as long a vowel is "um" (vowel, then the lips close: the
 * envelope changes once, near the end); one nasal throughout is "mm"; otherwise "uh". The label is
 * on `FilledPause.sound` only; the transcript still writes every filled pause as "uh"
 * (FILLED_PAUSE_WORD): two ums to fit it on are too few to name words by it.
 *
 * Thresholds were fitted on two AMI headset tracks (source1, source3 of meeting-ami) for recall and
 * on the LibriVox clips and jfk.flac (read speech, no fillers) for false alarms; the silence rule
 * and the murmur path were also checked on the Asterisk prompts (21 min: none false; 0.23/min
 * before silence had to be heard, all single-word prompts opening within 0.2 s of the clip's
 * start; the murmur path adds none). bench/fillers.mjs reports them, with source0 and source2 and
 * the GRID clips held out.
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
  /** Whether silence is needed before the stretch as well as after it. Default true (see above). */
  readonly silenceBefore?: boolean;
  /** Smallest Boersma periodicity of a murmur frame. Default 0.9. */
  readonly murmurPeriodicity?: number;
  /** Largest high-band (1–4 kHz) over low-band (< 500 Hz) energy of a murmur frame, dB. Default −30. */
  readonly murmurHighOverLowDb?: number;
  /** How far under the silence threshold a murmur frame may lie, dB. Default 15. */
  readonly murmurBelowDb?: number;
  /** Shortest filled pause that is nasal throughout ("mm"), seconds. Default 0.15. */
  readonly murmurMinimumSeconds?: number;
  /** Shortest murmur ending a vowel for the stretch to be "um", seconds. Default 0.1. */
  readonly umNasalSeconds?: number;
}

const DEFAULTS: Required<FilledPauseOptions> = {
  minimumSeconds: 0.25,
  f0SemitonesPer10ms: 0.5,
  envelopeChange: 0.6,
  loudnessDb: 5,
  gapSeconds: 0.06,
  silenceSeconds: 0.15,
  reachSeconds: 0.15,
  silenceBefore: true,
  /**
   * HNR ≥ 10 dB, by Boersma's (1993, eq. 4) HNR = 10·log10(r / (1 − r)): clearly voiced. Measured
   * on the tuning tracks: the murmur of D's "mm" (source3, 25.6–25.8 s) and of B's ums holds 0.9–1.
   */
  murmurPeriodicity: 0.9,
  /**
   * Fitted on the tuning tracks (bench/fillers.mjs prints the measurements): nasal murmurs (D's
   * "mm", the end of B's two ums) lie at −31 to −44 dB, the vowels of B's ums at −11 to −24 dB and
   * D's "oh" at −21 to −32 dB; −30 dB sits between murmur and open vowel. Back rounded vowels (oh,
   * oo) can reach it, which is why the murmur must also be periodic, steady and followed by silence.
   */
  murmurHighOverLowDb: -30,
  /**
   * Fitted on the tuning tracks: D's "mm" peaks 2.4 dB under the silence threshold (Praat's
   * 99th-percentile-minus-25-dB) and stays within 15 dB of it for 0.27 s; the neighbours' voices
   * leaking into her headset stay 33 dB or more under it. B's ums' murmurs lie 7–9 dB under their
   * vowels (above the threshold).
   */
  murmurBelowDb: 15,
  /**
   * Fitted on the tuning tracks (bench/fillers.mjs prints the stretches): D's "mm" (source3, 25.6 s)
   * holds a steady murmur for 0.185 s, the halves of her two "mm-hmm"s for 0.055–0.105 s; 0.15 s lies
   * between. A fluent word cannot pass for it: the stretch must be nasal throughout with silence on
   * both sides, and a nasal said from silence in fluent speech ("me", "no") moves into its vowel
   * within a tenth of a second. No published duration for a filler "mm" was found to cite.
   */
  murmurMinimumSeconds: 0.15,
  /**
   * Measured on the tuning tracks: B's first um (source1, 5.56 s) ends in 0.24 s of nasal spectrum,
   * her second (29.41 s) in about 0.07 s, so it is called "uh": the label errs towards "uh".
   */
  umNasalSeconds: 0.1,
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
  /** Median F0 over the stretch's voiced frames, Hz (0 when Praat called them all unvoiced). */
  readonly f0Hz: number;
  /** What it sounded like: a vowel ("uh"), a vowel closing into a nasal ("um"), a hum ("mm"). */
  readonly sound: 'uh' | 'um' | 'mm';
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
  const stretches: {
    first: number;
    last: number;
    change: number;
    f0: number[];
    nasal: boolean[];
  }[] = [];
  let open: (typeof stretches)[number] | null = null;
  let misses = 0;
  for (let i = SPAN; i < envelope.frames - SPAN; i++) {
    const t = envelope.firstTime + i * envelope.step;
    const f0 = f0At(t);
    const before = f0At(t - SPAN * envelope.step);
    const after = f0At(t + SPAN * envelope.step);
    const db = dbAt(t);
    const change = envelopeChange(envelope, i, SPAN);
    const still = db !== undefined && change <= o.envelopeChange;
    const vowel =
      still &&
      db >= input.silenceThresholdDb + o.loudnessDb &&
      f0 > 0 &&
      before > 0 &&
      after > 0 &&
      semitoneMove(before, after) <= maxMove;
    const murmur =
      still &&
      db >= input.silenceThresholdDb - o.murmurBelowDb &&
      (envelope.periodicity[i] ?? 0) >= o.murmurPeriodicity &&
      (envelope.highOverLowDb[i] ?? 0) <= o.murmurHighOverLowDb;
    // A break between two murmurs is two hums ("mm-hmm", "hmm-mm": a backchannel of two syllables,
    // Ward 2006, "Non-lexical conversational sounds in American English", Pragmatics & Cognition
    // 14), not one filled pause; the break bridged inside "um" lies between its vowel and its nasal.
    const nasalHere = (envelope.highOverLowDb[i] ?? 0) <= o.murmurHighOverLowDb;
    if ((vowel || murmur) && open && misses > 0 && nasalHere && open.nasal.at(-1) === true) {
      stretches.push(open);
      open = null;
    }
    if (vowel || murmur) {
      open ??= { first: i, last: i, change: 0, f0: [], nasal: [] };
      open.last = i;
      open.change += change;
      if (f0 > 0) open.f0.push(f0);
      open.nasal.push(nasalHere);
      misses = 0;
    } else if (open && ++misses > maxGap) {
      stretches.push(open);
      open = null;
      misses = 0;
    }
  }
  if (open) stretches.push(open);

  // Silence must be heard: before the first or after the last intensity frame nothing is known, so
  // a stretch cut by the recording's start (the nasal of a word begun before it) has none.
  const silentAt = (t: number): boolean => {
    const db = dbAt(t);
    return db !== undefined && db < input.silenceThresholdDb;
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
    const sound = soundOf(s.nasal, Math.round(o.umNasalSeconds / envelope.step));
    if (end - start < (sound === 'mm' ? o.murmurMinimumSeconds : o.minimumSeconds)) continue;
    if (!silenceBeside(end, 1)) continue;
    if (o.silenceBefore && !silenceBeside(start, -1)) continue;
    const sorted = [...s.f0].sort((a, b) => a - b);
    found.push({
      start: round(Math.max(0, start)),
      end: round(end),
      envelopeChange: round(s.change / s.nasal.length),
      f0Hz: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      sound,
    });
  }
  return found;
}

/**
 * From which frames have a nasal spectrum: the nasal tail is the longest run back from the last
 * frame that starts on a nasal frame and is at least 80 % nasal (a frame or two of the murmur may
 * tip over the line). "mm" when the tail is the whole stretch; "um" when it is at least `minimum`
 * frames after at least as many vowel frames; otherwise "uh".
 */
function soundOf(nasal: readonly boolean[], minimum: number): FilledPause['sound'] {
  let tail = 0;
  let count = 0;
  for (let k = 1; k <= nasal.length; k++) {
    const isNasal = nasal[nasal.length - k] === true;
    if (isNasal) count++;
    if (isNasal && count >= 0.8 * k) tail = k;
  }
  if (tail === nasal.length) return 'mm';
  return tail >= minimum && nasal.length - tail >= minimum ? 'um' : 'uh';
}

/** F0 movement in semitones, folding octave jumps (a pitch tracker's halving or doubling) to 0. */
function semitoneMove(a: number, b: number): number {
  const move = Math.abs(12 * Math.log2(b / a)) % 12;
  return Math.min(move, 12 - move);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
