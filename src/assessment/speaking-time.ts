import type { Transcript } from '../domain/index.js';

/** Each speaker's speaking time in a live interview, and the candidate's share of it. */
export interface SpeakingTime {
  readonly speakers: readonly {
    readonly label: string;
    /** Seconds: the sum of the speaker's segment spans (overlapping speech counts for each). */
    readonly seconds: number;
    /** seconds / all speakers' seconds, 0–1. */
    readonly share: number;
    readonly candidate: boolean;
  }[];
  /** The candidate's seconds / all speakers' seconds, 0–1. */
  readonly talkRatio: number;
}

/**
 * Speaking time per speaker from the segment times of a transcript with named speakers (a
 * diarised recording, or an imported multi-speaker transcript), in the order speakers are first
 * heard; null when fewer than two speakers have timed segments or the candidate has none.
 * @example speakingTime(transcript, 'Speaker 2')?.talkRatio // 0.62
 */
export function speakingTime(transcript: Transcript, candidate: string | null): SpeakingTime | null {
  const seconds = new Map<string, number>();
  for (const s of transcript.segments) {
    if (s.speaker === null || s.start === null || s.end === null || !(s.end > s.start)) continue;
    seconds.set(s.speaker, (seconds.get(s.speaker) ?? 0) + (s.end - s.start));
  }
  const total = [...seconds.values()].reduce((a, b) => a + b, 0);
  if (seconds.size < 2 || candidate === null || !seconds.has(candidate) || total <= 0) return null;
  const round = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;
  return {
    speakers: [...seconds].map(([label, s]) => ({
      label,
      seconds: round(s, 2),
      share: round(s / total, 3),
      candidate: label === candidate,
    })),
    talkRatio: round(seconds.get(candidate)! / total, 3),
  };
}
