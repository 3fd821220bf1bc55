/**
 * Puts a diarisation's speakers on a recognised transcript: each word goes to the speaker whose
 * turn overlaps it most (the nearest turn when none does), and a segment is split wherever the
 * speaker of its words changes. Speakers are named "Speaker 1", "Speaker 2", … in order of first
 * appearance, as a live interview transcript names them.
 */
import type { Segment, Transcript, Word } from '../../../domain/index.js';
import type { Diarisation, SpeakerTurn } from './diarise.js';

/** Seconds of speech a speaker needs to count as a voice of the recording (3 s: a short answer). */
export const MINIMUM_SPEAKER_SECONDS = 3;
/** Share of all speech a speaker needs (5%: not a stray cough or a misassigned stretch). */
export const MINIMUM_SPEAKER_SHARE = 0.05;

/**
 * The speakers of a diarisation with enough speech to count (see the two minimums above).
 * @example speakersWithEnoughSpeech(diarisation) // ['S1', 'S2']
 */
export function speakersWithEnoughSpeech(diarisation: Diarisation): string[] {
  const total = diarisation.speakers.reduce((s, x) => s + x.seconds, 0);
  return diarisation.speakers
    .filter((s) => s.seconds >= MINIMUM_SPEAKER_SECONDS && s.seconds >= MINIMUM_SPEAKER_SHARE * total)
    .map((s) => s.label);
}

/**
 * The transcript with speaker labels from the diarisation, or null when fewer than two speakers
 * have enough speech (the transcript then stays one anonymous voice).
 * @example labelSpeakers(transcript, diarisation)?.segments[0]?.speaker // "Speaker 1"
 */
export function labelSpeakers(transcript: Transcript, diarisation: Diarisation): Transcript | null {
  const kept = new Set(speakersWithEnoughSpeech(diarisation));
  if (kept.size < 2) return null;
  const turns = diarisation.turns.filter((t) => kept.has(t.speaker));
  const names = new Map<string, string>();
  const nameOf = (speaker: string): string => {
    let name = names.get(speaker);
    if (name === undefined) {
      name = `Speaker ${names.size + 1}`;
      names.set(speaker, name);
    }
    return name;
  };
  const segments: Segment[] = [];
  for (const segment of transcript.segments) {
    const words = segment.words ?? [];
    if (words.length === 0) {
      const speaker =
        segment.start !== null && segment.end !== null ? speakerAt(turns, segment.start, segment.end) : null;
      segments.push({ ...segment, speaker: speaker === null ? null : nameOf(speaker) });
      continue;
    }
    let run: Word[] = [];
    let runSpeaker = speakerAt(turns, words[0]!.start, words[0]!.end);
    const close = (): void => {
      if (run.length === 0) return;
      const whole = run.length === words.length;
      segments.push({
        ...segment,
        speaker: runSpeaker === null ? null : nameOf(runSpeaker),
        start: whole ? segment.start : run[0]!.start,
        end: whole ? segment.end : run.at(-1)!.end,
        text: whole ? segment.text : run.map((w) => w.text).join(' '),
        words: run,
      });
    };
    for (const word of words) {
      const speaker = speakerAt(turns, word.start, word.end);
      if (speaker !== runSpeaker) {
        close();
        run = [];
        runSpeaker = speaker;
      }
      run.push(word);
    }
    close();
  }
  return { ...transcript, segments };
}

/** The speaker whose turns overlap [start, end] most; the nearest turn's when none overlaps. */
function speakerAt(turns: readonly SpeakerTurn[], start: number, end: number): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  let nearest: string | null = null;
  let nearestGap = Infinity;
  for (const t of turns) {
    const overlap = Math.min(end, t.end) - Math.max(start, t.start);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = t.speaker;
    }
    const gap = Math.max(t.start - end, start - t.end, 0);
    if (gap < nearestGap) {
      nearestGap = gap;
      nearest = t.speaker;
    }
  }
  return best ?? nearest;
}
