import type { MediaRecord } from '../store/index.js';

/**
 * The recordings an analysis reads: one per answer position, the newest where an answer was
 * recorded again, in answer order.
 * @example currentMedia(await store.media.listByInterview(interview.id)).map((m) => m.position) // [0, 1, 2]
 */
export function currentMedia(media: readonly MediaRecord[]): MediaRecord[] {
  const newest = new Map<number, MediaRecord>();
  for (const m of media) {
    const seen = newest.get(m.position);
    if (
      seen === undefined ||
      m.createdAt > seen.createdAt ||
      (m.createdAt === seen.createdAt && m.id > seen.id)
    ) {
      newest.set(m.position, m);
    }
  }
  return [...newest.values()].sort((a, b) => a.position - b.position);
}

/**
 * Where each recording's time 0 sits on the scorecard's evidence time line, in seconds, so a
 * player seeks to `evidence.start - offsetSeconds` in the right recording.
 *
 * - Scored from the recordings (no transcript): `analyzeResponses` keeps every answer on its own
 *   recording's clock (each answer starts at 0 s), so every offset is 0 and the right recording
 *   is the one whose `position` is `evidence.response`.
 * - Scored from a transcript (it wins over recordings): the transcript's clock runs over the
 *   recordings played back to back in answer order, so a recording's offset is the summed length
 *   of those before it (0 for a single recording); the right recording is the one whose span
 *   `[offsetSeconds, offsetSeconds + durationSeconds)` holds `evidence.start`.
 *
 * @example mediaOffsets(media, { fromTranscript: false }).get(media[1].id) // 0
 */
export function mediaOffsets(
  media: readonly MediaRecord[],
  options: { readonly fromTranscript: boolean },
): Map<string, number> {
  const current = currentMedia(media);
  const byPosition = new Map<number, number>();
  let start = 0;
  for (const m of current) {
    byPosition.set(m.position, options.fromTranscript ? start : 0);
    start += m.durationSeconds ?? 0;
  }
  return new Map(media.map((m) => [m.id, byPosition.get(m.position) ?? 0]));
}
