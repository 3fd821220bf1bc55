import type { MediaRecord } from '../store/index.js';

/**
 * How many speakers to tell apart on one track (src/analysis/speech/diarise): `auto` counts
 * them, a number fixes the count, 1 keeps one anonymous voice.
 */
export type SpeakerCount = 'auto' | number;

/** The most speakers a recording can be told it holds (`--speakers`, an analysis request's `speakers`). */
export const MAX_SPEAKERS = 20;

/** What a speaker count must be, in words, for error messages. */
export const SPEAKER_COUNT_RULE = `"auto" or a whole number of speakers from 1 to ${MAX_SPEAKERS}`;

/**
 * A speaker count from the command line or a stored task: `auto`, or a whole number 1–20; null
 * for anything else (0, -1, 2.5, `two`).
 * @example parseSpeakerCount('2') // 2
 */
export function parseSpeakerCount(value: unknown): SpeakerCount | null {
  if (value === 'auto') return 'auto';
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_SPEAKERS ? n : null;
}

/** Why an interview's uploads give no single track to split, or null when they do. */
export function whySpeakersDoNotApply(
  media: readonly Pick<MediaRecord, 'contentType'>[],
  hasTranscript: boolean,
): string | null {
  if (hasTranscript) return 'the interview has a transcript, and a transcript says who speaks';
  const recordings = media.filter((m) => !m.contentType.startsWith('text/plain'));
  if (recordings.length !== media.length) return 'the interview has typed answers, one answer each';
  if (media.length > 1) return `the interview has ${media.length} recordings, one answer each`;
  if (media.length === 0) return 'the interview has no recording';
  return null;
}

/**
 * How many speakers to tell apart on an interview's recording. Only an interview recorded as one
 * track (a single recording and no transcript) is split: `requested` when given, else `auto` when
 * the recording answers no named question (a whole interview uploaded as one file); a recording
 * made against a question (the interview page of an invitation, a practice question) is the
 * candidate's one answer and keeps one voice. Several recordings are one answer each, and a
 * transcript says who speaks: neither is split, whatever is requested (1).
 * @example speakersToTell(media, false) // 'auto' for one recording uploaded on its own
 */
export function speakersToTell(
  media: readonly Pick<MediaRecord, 'contentType' | 'questionId'>[],
  hasTranscript: boolean,
  requested?: SpeakerCount,
): SpeakerCount {
  if (whySpeakersDoNotApply(media, hasTranscript) !== null) return 1;
  if (requested !== undefined) return requested;
  return media[0]?.questionId === null ? 'auto' : 1;
}
