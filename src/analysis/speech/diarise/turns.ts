/**
 * Turn-level post-processing of a diarisation: the speech found is frame by frame, but a speaker's
 * turn, as annotated, runs across the short pauses inside it.
 *
 * - Bridging: a silence between two turns of the same speaker, shorter than a limit, is taken into
 *   the turn. The NIST Rich Transcription evaluation plans (RT-04 … RT-09) count pauses under
 *   0.3 s inside one speaker's speech as part of the segment; meeting references built from word
 *   alignments (the AMI RTTMs used here) run further, so the default limit is fitted (see
 *   `BRIDGE_SECONDS` in diarise.ts).
 * - Silences between two different speakers are never filled: who spoke in them is not known.
 */

/** A stretch of speech by one speaker, seconds from the start of the recording. */
export interface Turn {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The turns with every gap shorter than `maximumGap` seconds between consecutive turns of the same
 * speaker closed (the two turns become one). Turns must be in time order and not overlap.
 * @example bridgeSameSpeakerGaps([{ speaker: 'S1', start: 0, end: 2 }, { speaker: 'S1', start: 2.4, end: 3 }], 0.5)
 * // [{ speaker: 'S1', start: 0, end: 3 }]
 */
export function bridgeSameSpeakerGaps<T extends Turn>(turns: readonly T[], maximumGap: number): T[] {
  const out: T[] = [];
  for (const turn of turns) {
    const last = out.at(-1);
    if (last && last.speaker === turn.speaker && turn.start - last.end < maximumGap) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, turn.end) };
    } else out.push(turn);
  }
  return out;
}
