import type { ProsodySummary } from './prosody/index.js';
import type { VoiceTrack } from './signals/index.js';

/**
 * The voice track the signals read, from a recording's prosody summary. Frame contours sit on a
 * regular grid, so the first time and the step describe them; leading and trailing silence is
 * not a pause inside speech and is left out.
 * @example voiceTrackFromProsody(new ProsodyAccumulator(16000).finish())
 */
export function voiceTrackFromProsody(summary: ProsodySummary): VoiceTrack {
  const grid = (times: Float64Array) => ({
    start: times[0] ?? 0,
    step: times.length > 1 ? (times[1] ?? 0) - (times[0] ?? 0) : 0.01,
  });
  return {
    pitch: { ...grid(summary.frames.pitch.times), f0: summary.frames.pitch.f0 },
    intensity: { ...grid(summary.frames.intensity.times), db: summary.frames.intensity.db },
    pauses: summary.pauses.list
      .filter((p) => p.position === 'internal')
      .map((p) => ({ start: p.start, end: p.end })),
    syllables: summary.syllableNuclei.times,
  };
}
