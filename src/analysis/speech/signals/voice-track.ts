/** A silent interval, seconds. */
export interface Pause {
  readonly start: number;
  readonly end: number;
}

/**
 * What the voice analysis of a recording gives the signals: frame tracks on a fixed time grid and
 * the pauses and syllable nuclei found in them. Times are seconds from the start of the recording.
 */
export interface VoiceTrack {
  /** Pitch frames: time of frame 0 and the step; f0 in Hz, 0 where unvoiced. */
  readonly pitch: { readonly start: number; readonly step: number; readonly f0: Float32Array };
  /** Intensity frames in dB (Praat's convention, re 2·10⁻⁵ Pa). */
  readonly intensity: { readonly start: number; readonly step: number; readonly db: Float32Array };
  /** Silent pauses of at least 250 ms. */
  readonly pauses: readonly Pause[];
  /** Times of syllable nuclei (De Jong & Wempe 2009). */
  readonly syllables: Float64Array | readonly number[];
}

/** Frame values of a track inside [start, end). */
export function framesIn(
  track: { readonly start: number; readonly step: number },
  values: Float32Array,
  start: number,
  end: number,
): Float32Array {
  const first = Math.max(0, Math.ceil((start - track.start) / track.step));
  const last = Math.min(values.length, Math.ceil((end - track.start) / track.step));
  return first < last ? values.subarray(first, last) : new Float32Array(0);
}
