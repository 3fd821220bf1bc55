/**
 * Syllable nuclei without a transcript, after N. H. de Jong & T. Wempe (2009), "Praat script to
 * detect syllable nuclei and measure speech rate automatically", Behavior Research Methods 41(2):
 * 385–390.
 *
 * As their script: on an intensity contour with a 50 Hz minimum pitch (128 ms window, which merges
 * the energy of one syllable into one hump), take every local maximum above the silence threshold;
 * keep a peak when the intensity dips more than 2 dB below it before the next such peak (the script
 * judges only the dip that follows, so the last peak, which has no next peak, is never kept: we do
 * the same, so that counts stay comparable with published figures; it costs at most one syllable per
 * recording and avoids counting the decaying tail of the final word); keep only peaks that are voiced
 * and lie outside pauses. One deliberate difference: voicing comes from the caller's pitch contour
 * (prosody.ts passes the path found with the script's lenient voicing costs) instead of a second
 * pitch analysis.
 */
import type { IntensityTrack } from './intensity.js';
import type { PauseAnalysis } from './pauses.js';
import type { PitchTrack } from './pitch.js';

export interface NucleiOptions {
  /** dB the intensity must fall below a peak before the next peak. Default 2. */
  readonly minimumDipDb?: number;
}

export interface SyllableNuclei {
  /** Times of the nuclei, seconds. */
  readonly times: number[];
  /** Intensity at each nucleus, dB. */
  readonly db: number[];
}

/** Whether the pitch frame nearest to `time` is voiced. */
function voicedAt(pitch: PitchTrack, time: number): boolean {
  const j = Math.round((time - pitch.firstTime) / pitch.timeStep);
  return j >= 0 && j < pitch.f0.length && pitch.f0[j]! > 0;
}

/**
 * Syllable nuclei of a stretch of speech.
 *
 * @param intensity contour with a 50 Hz minimum pitch (De Jong & Wempe)
 * @param thresholdDb silence threshold of that contour (see `silenceThreshold`)
 * @example
 * const slow = analyzeIntensity(samples, 16000, { minimumPitch: 50 });
 * const nuclei = findSyllableNuclei(slow, silenceThreshold(slow.db), pitch, pauses);
 * nuclei.times.length; // syllables
 */
export function findSyllableNuclei(
  intensity: IntensityTrack,
  thresholdDb: number,
  pitch: PitchTrack,
  pauses: PauseAnalysis,
  options: NucleiOptions = {},
): SyllableNuclei {
  const minimumDip = options.minimumDipDb ?? 2;
  const { db, times } = intensity;
  const n = db.length;
  const peaks: number[] = [];
  for (let j = 1; j < n - 1; j++) {
    const v = db[j]!;
    // A plateau counts once, at its left end.
    if (v > db[j - 1]! && v >= db[j + 1]! && v > thresholdDb) peaks.push(j);
  }
  const out: SyllableNuclei = { times: [], db: [] };
  const pauseList = pauses.pauses;
  let nextPause = 0;
  for (let p = 0; p + 1 < peaks.length; p++) {
    const j = peaks[p]!;
    const until = peaks[p + 1]!;
    let dip = Infinity;
    for (let k = j; k <= until; k++) if (db[k]! < dip) dip = db[k]!;
    if (db[j]! - dip <= minimumDip) continue;
    const t = times[j]!;
    // Peaks come in time order, so one pass over the pauses suffices.
    while (nextPause < pauseList.length && pauseList[nextPause]!.end <= t) nextPause++;
    const pause = pauseList[nextPause];
    if (pause && t >= pause.start) continue;
    if (!voicedAt(pitch, t)) continue;
    out.times.push(t);
    out.db.push(db[j]!);
  }
  return out;
}
