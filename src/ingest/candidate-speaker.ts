import { CandorError } from '../core/index.js';
import type { Segment, Transcript } from '../domain/index.js';
import { wordCount } from './similarity.js';

/** True when a turn ends in a question (its last sentence ends with "?"). */
export function endsInQuestion(text: string): boolean {
  return /\?["'”’)\]]*\s*$/.test(text);
}

function resolveSpeaker(label: string, speakers: readonly string[], field: string): string {
  const exact = speakers.find((s) => s === label);
  if (exact !== undefined) return exact;
  const wanted = label.trim().toLowerCase();
  const loose = speakers.find((s) => s.trim().toLowerCase() === wanted);
  if (loose !== undefined) return loose;
  const list = speakers.length > 0 ? speakers.map((s) => JSON.stringify(s)).join(', ') : 'none named';
  throw new CandorError(
    'VALIDATION_FAILED',
    `${field}: expected one of the transcript's speakers (${list}), found ${JSON.stringify(label)}`,
    {
      field,
    },
  );
}

/** Which speaker was taken for the candidate, how, and why in words a person can check. */
export interface CandidateChoice {
  readonly speaker: string;
  /**
   * `option`: the caller named them; `meta`: the transcript's `meta.candidate`; `only-speaker`:
   * the one speaker left once listed interviewers are set aside; `answers-and-words`: the highest
   * share of words weighted by how often the speaker answers rather than asks.
   */
  readonly by: 'option' | 'meta' | 'only-speaker' | 'answers-and-words';
  readonly reason: string;
}

/**
 * Works out which speaker is the candidate in a live interview: the given label, else the
 * transcript's `meta.candidate`, else the speaker (not listed in `meta.interviewers`) with the
 * highest share of words × answer rate. The answer rate is answered / (answered + asked), 0.5 for
 * a speaker who does neither: turns that follow another speaker's question against turns that end
 * in one. Weighting by the share of words keeps a speaker who says little and answers once from
 * outweighing one who says most of the words (QMSum IS1001a: a filter on "answers more than asks"
 * had chosen the 132-word designer over the 1,152-word project manager). Ties go to
 * the speaker heard first. Returns null when no segment names its speaker.
 *
 * @throws CandorError VALIDATION_FAILED when a given label is not a speaker of the transcript.
 * @example chooseCandidateSpeaker(transcript)?.reason // "Daniel Okafor: 54% of the words, answers 3 questions and asks 0; next Priya Raman: 46% of the words, answers 0 questions and asks 3"
 */
export function chooseCandidateSpeaker(
  transcript: Transcript,
  candidateSpeaker?: string,
): CandidateChoice | null {
  const seen = new Set<string>();
  for (const segment of transcript.segments) if (segment.speaker !== null) seen.add(segment.speaker);
  const speakers = [...seen];
  if (candidateSpeaker !== undefined) {
    const speaker = resolveSpeaker(candidateSpeaker, speakers, 'candidateSpeaker');
    return { speaker, by: 'option', reason: `${speaker}: named as the candidate by the caller` };
  }
  if (transcript.meta?.candidate !== undefined) {
    const speaker = resolveSpeaker(transcript.meta.candidate, speakers, 'meta.candidate');
    return {
      speaker,
      by: 'meta',
      reason: `${speaker}: named as the candidate by the transcript (meta.candidate)`,
    };
  }
  if (speakers.length === 0) return null;

  const interviewers = new Set((transcript.meta?.interviewers ?? []).map((s) => s.trim().toLowerCase()));
  const notInterviewers = speakers.filter((s) => !interviewers.has(s.trim().toLowerCase()));
  const pool = notInterviewers.length > 0 ? notInterviewers : speakers;
  if (pool.length === 1) {
    const speaker = pool[0] as string;
    const why = speakers.length === 1 ? 'the only speaker' : 'the only speaker not listed as an interviewer';
    return { speaker, by: 'only-speaker', reason: `${speaker}: ${why}` };
  }

  const stats = speakerStats(transcript.segments);
  const totalWords = pool.reduce((sum, s) => sum + (stats.get(s)?.words ?? 0), 0);
  const scored = pool.map((speaker) => {
    const st = stats.get(speaker) ?? { words: 0, answered: 0, asked: 0 };
    const share = totalWords > 0 ? st.words / totalWords : 0;
    const turns = st.answered + st.asked;
    return { speaker, st, share, score: share * (turns > 0 ? st.answered / turns : 0.5) };
  });
  // A stable sort keeps the order speakers are first heard for ties.
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const [best, next] = ranked as [(typeof ranked)[number], ...(typeof ranked)[number][]];
  const describe = (r: (typeof ranked)[number]): string =>
    `${Math.round(r.share * 100)}% of the words, answers ${r.st.answered} question${r.st.answered === 1 ? '' : 's'} and asks ${r.st.asked}`;
  const runnerUp = next ? `; next ${next.speaker}: ${describe(next)}` : '';
  return {
    speaker: best.speaker,
    by: 'answers-and-words',
    reason: `${best.speaker}: ${describe(best)}${runnerUp}`,
  };
}

/**
 * The candidate's speaker label (see {@link chooseCandidateSpeaker}); null when no segment names its speaker.
 * @throws CandorError VALIDATION_FAILED when a given label is not a speaker of the transcript.
 * @example findCandidateSpeaker(transcript) // "Jane Doe"
 */
export function findCandidateSpeaker(transcript: Transcript, candidateSpeaker?: string): string | null {
  return chooseCandidateSpeaker(transcript, candidateSpeaker)?.speaker ?? null;
}

interface SpeakerStats {
  words: number;
  /** Turns that follow another speaker's turn ending in a question. */
  answered: number;
  /** Turns that end in a question. */
  asked: number;
}

function speakerStats(segments: readonly Segment[]): Map<string | null, SpeakerStats> {
  const stats = new Map<string | null, SpeakerStats>();
  const get = (speaker: string | null): SpeakerStats => {
    let st = stats.get(speaker);
    if (!st) {
      st = { words: 0, answered: 0, asked: 0 };
      stats.set(speaker, st);
    }
    return st;
  };
  // Consecutive segments of one speaker form a turn.
  let turnSpeaker: string | null | undefined;
  let turnText = '';
  let previousAsked = false;
  const closeTurn = (): void => {
    if (turnSpeaker === undefined) return;
    const asked = endsInQuestion(turnText);
    if (asked) get(turnSpeaker).asked += 1;
    previousAsked = asked;
  };
  for (const segment of segments) {
    get(segment.speaker).words += wordCount(segment.text);
    if (segment.speaker === turnSpeaker) {
      turnText = segment.text;
      continue;
    }
    closeTurn();
    if (previousAsked) get(segment.speaker).answered += 1;
    turnSpeaker = segment.speaker;
    turnText = segment.text;
  }
  closeTurn();
  return stats;
}

/** A speaker of a transcript and how many words they say. */
export interface SpeakerWords {
  readonly speaker: string;
  readonly words: number;
}

/**
 * The named speakers of a transcript with their word counts, in the order they are first heard.
 * @example speakerWordCounts(transcript) // [{ speaker: 'Dana Whitfield', words: 310 }, { speaker: 'Priya Raman', words: 1204 }]
 */
export function speakerWordCounts(transcript: Transcript): SpeakerWords[] {
  const words = new Map<string, number>();
  for (const segment of transcript.segments) {
    if (segment.speaker === null) continue;
    words.set(segment.speaker, (words.get(segment.speaker) ?? 0) + wordCount(segment.text));
  }
  return [...words].map(([speaker, count]) => ({ speaker, words: count }));
}

const nameTokens = (name: string): string[] =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');

/**
 * The speaker label that names the candidate: the label "Candidate", or one whose every word is
 * a word of the candidate's name ("Priya", "Priya Raman", "RAMAN, Priya" for Priya Raman); null
 * when none does or more than one does.
 * @example speakerNamed(['Dana Whitfield', 'Priya'], 'Priya Raman') // "Priya"
 */
export function speakerNamed(speakers: readonly string[], candidateName: string): string | null {
  const name = new Set(nameTokens(candidateName));
  const matches = speakers.filter((speaker) => {
    const tokens = nameTokens(speaker);
    if (tokens.length === 1 && tokens[0] === 'candidate') return true;
    return tokens.length > 0 && tokens.every((t) => name.has(t));
  });
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * The label of `speakers` the person chose (exact, else ignoring case and outer spaces).
 * @throws CandorError VALIDATION_FAILED naming the speakers when the choice is none of them.
 */
export function chosenSpeaker(label: string, speakers: readonly string[], field: string): string {
  return resolveSpeaker(label, speakers, field);
}
