/**
 * Speech and non-speech from frame energy, with the silence threshold the prosody pauses use
 * (De Jong & Wempe 2009: the 0.99 quantile of the energy minus 25 dB, so a click does not lift it,
 * never below an absolute floor of −74 dB re full scale, i.e. 20 dB SPL). As Praat's
 * `To TextGrid (silences)`, sounding stretches shorter than 0.1 s are taken as silence, then
 * silences shorter than the minimum pause are absorbed into speech.
 */

export interface SpeechActivityOptions {
  /** dB below the 0.99 energy quantile that counts as silence. Default 25. */
  readonly silenceDb?: number;
  /** Silences shorter than this (seconds) are bridged. Default 0.3 (De Jong & Wempe's minimum pause). */
  readonly minimumPause?: number;
  /** Sounding stretches shorter than this (seconds) are dropped. Default 0.1. */
  readonly minimumSounding?: number;
  /** dB re full scale below which a frame is silent whatever the recording. Default −74. */
  readonly floorDb?: number;
}

/**
 * Per frame: 1 for speech, 0 for silence.
 * @example speechFrames(mfcc.energyDb, 0.01) // Uint8Array [0, 0, 1, 1, …]
 */
export function speechFrames(
  energyDb: Float32Array,
  stepSeconds: number,
  options: SpeechActivityOptions = {},
): Uint8Array {
  const n = energyDb.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const sorted = Float64Array.from(energyDb).sort();
  const q99 = sorted[Math.min(n - 1, Math.floor(0.99 * n))]!;
  const threshold = Math.max(q99 - (options.silenceDb ?? 25), options.floorDb ?? -74);
  for (let i = 0; i < n; i++) out[i] = energyDb[i]! > threshold ? 1 : 0;
  fillShortRuns(out, 1, Math.round((options.minimumSounding ?? 0.1) / stepSeconds));
  fillShortRuns(out, 0, Math.round((options.minimumPause ?? 0.3) / stepSeconds));
  return out;
}

/** Flips runs of `value` shorter than `minimum` frames that lie between runs of the other value. */
function fillShortRuns(flags: Uint8Array, value: 0 | 1, minimum: number): void {
  let i = 0;
  while (i < flags.length) {
    if (flags[i] !== value) {
      i++;
      continue;
    }
    let j = i;
    while (j < flags.length && flags[j] === value) j++;
    // Silences at the very start or end are not pauses; sounding runs anywhere may be clicks.
    const inside = value === 1 || (i > 0 && j < flags.length);
    if (j - i < minimum && inside) flags.fill(value === 1 ? 0 : 1, i, j);
    i = j;
  }
}
