import type { Segment } from './transcript.js';
import type { Question } from './question.js';

/** One answer of a candidate, with the question it answers when known. */
export interface Response {
  /** 0-based position in the interview. */
  readonly index: number;
  readonly question: Question | null;
  /** The question as it was asked (the interviewer's words, or the question set's text). */
  readonly questionText: string | null;
  /** How the question was matched: the file (async), the question set (similarity), or the interviewer's own turn. */
  readonly questionSource: 'file' | 'question-set' | 'interviewer' | 'none';
  /** Similarity of the interviewer's turn to the matched question, 0–1, when matched by similarity. */
  readonly matchScore: number | null;
  /** The candidate's segments, in order. */
  readonly segments: readonly Segment[];
  /** Interviewer segments just before the answer (for latency and active-listening signals). */
  readonly prompt: readonly Segment[];
}
