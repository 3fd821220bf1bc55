import type { Question, Response, Segment, Transcript } from '../domain/index.js';
import { findCandidateSpeaker } from './candidate-speaker.js';
import { bagOfWordsSimilarity, contentWords, lastQuestion, wordCount } from './similarity.js';

/** One async answer: the file of the answer and the question it was recorded for, when known. */
export interface AnswerInput {
  readonly transcript: Transcript;
  readonly question?: Question | null;
}

/**
 * Responses of an async interview, where each answer is its own file: every segment of a file
 * belongs to its answer. The question comes from the caller ('file') or is unknown ('none').
 * @example
 * responsesFromAnswers([{ transcript: parseTranscript(text, { file: 'q1.txt' }), question: q1 }])[0].questionSource // "file"
 */
export function responsesFromAnswers(answers: readonly AnswerInput[]): Response[] {
  return answers.map(({ transcript, question }, index) => ({
    index,
    question: question ?? null,
    questionText: question?.text ?? null,
    questionSource: question ? 'file' : 'none',
    matchScore: null,
    segments: transcript.segments.filter((s) => s.text.trim() !== ''),
    prompt: [],
  }));
}

export interface LiveSegmentationOptions {
  /** The question set the interviewer's turns are matched against. */
  readonly questions?: readonly Question[];
  /** The candidate's speaker label; else `transcript.meta.candidate`, else worked out. */
  readonly candidateSpeaker?: string;
  /** Similarity of two texts, 0–1; default `bagOfWordsSimilarity`. */
  readonly similarity?: (a: string, b: string) => number;
  /** Lowest similarity that counts as a match to the question set; default 0.35. */
  readonly minMatch?: number;
}

export const DEFAULT_MIN_MATCH = 0.35;
/**
 * A second response may take an already-used question only when the interviewer plainly asks it
 * again: at least this share of the question's content words are in the interviewer's turn.
 */
export const REPEATED_QUESTION_COVERAGE = 0.8;
const BACKCHANNEL_MAX_WORDS = 3;
// Acknowledgements a candidate says while the interviewer is still talking (Jurafsky & Martin,
// "Speech and Language Processing", ch. 15: backchannels / continuers).
const ACKNOWLEDGEMENTS = new Set(
  `mm-hmm mhm mm hmm uh-huh uh huh yeah yes yep right okay ok sure got it i see great cool good
  alright all exactly absolutely totally thanks`.split(/\s+/),
);

interface Draft {
  readonly prompt: Segment[];
  readonly segments: Segment[];
}

/**
 * Splits a live-interview transcript into the candidate's answers. A response is the candidate's
 * consecutive turns after an interviewer's turn; short back-channels ("mm-hmm", "right") from the
 * other side do not split an answer or a question. Each answer is matched to the question set by
 * similarity of the interviewer's preceding turn (`question-set`, with `matchScore`), else takes
 * the interviewer's last question sentence (`interviewer`), else has none (`none`). A question of
 * the set is attached to one response only — the best match — unless the interviewer clearly
 * asks it again. A transcript with one speaker is a single response.
 *
 * @example
 * const responses = segmentLiveInterview(transcript, { questions: questionSet.questions })
 * responses[0] // { index: 0, question: {...}, questionSource: 'question-set', matchScore: 0.71, segments, prompt }
 */
export function segmentLiveInterview(
  transcript: Transcript,
  options: LiveSegmentationOptions = {},
): Response[] {
  const segments = transcript.segments.filter((s) => s.text.trim() !== '');
  const voices = new Set(segments.map((s) => s.speaker));
  const candidate = voices.size <= 1 ? null : findCandidateSpeaker(transcript, options.candidateSpeaker);
  if (candidate === null) {
    return segments.length === 0
      ? []
      : [
          {
            index: 0,
            question: null,
            questionText: null,
            questionSource: 'none',
            matchScore: null,
            segments,
            prompt: [],
          },
        ];
  }
  const drafts = splitAnswers(
    segments,
    segments.map((s) => s.speaker === candidate),
  );
  return matchQuestions(drafts, options);
}

function isBackchannel(segment: Segment, byCandidate: boolean): boolean {
  const text = segment.text;
  // Three words hardly ever take more than 60 characters: skip counting the words of long turns.
  if (text.length > 60 || text.includes('?') || wordCount(text) > BACKCHANNEL_MAX_WORDS) return false;
  if (!byCandidate) return true;
  const words = text.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  return words.length > 0 && words.every((w) => ACKNOWLEDGEMENTS.has(w));
}

/** Groups segments into answers, ignoring back-channels said inside the other side's turn. */
function splitAnswers(segments: readonly Segment[], isCandidate: readonly boolean[]): Draft[] {
  const n = segments.length;
  const backchannel = segments.map((s, i) => isBackchannel(s, isCandidate[i] ?? false));
  // Role of the nearest substantive segment before and after each position.
  const before: (boolean | undefined)[] = new Array<boolean | undefined>(n);
  const after: (boolean | undefined)[] = new Array<boolean | undefined>(n);
  let last: boolean | undefined;
  for (let i = 0; i < n; i += 1) {
    before[i] = last;
    if (!backchannel[i]) last = isCandidate[i];
  }
  last = undefined;
  for (let i = n - 1; i >= 0; i -= 1) {
    after[i] = last;
    if (!backchannel[i]) last = isCandidate[i];
  }

  const drafts: Draft[] = [];
  let prompt: Segment[] = [];
  let answer: Segment[] | null = null;
  for (let i = 0; i < n; i += 1) {
    const segment = segments[i] as Segment;
    const mine = isCandidate[i] ?? false;
    const absorbed =
      backchannel[i] && before[i] !== undefined && before[i] === after[i] && before[i] !== mine;
    if (absorbed) continue;
    if (mine) {
      if (!answer) {
        answer = [segment];
        drafts.push({ prompt, segments: answer });
        prompt = [];
      } else answer.push(segment);
    } else {
      answer = null;
      prompt.push(segment);
    }
  }
  return drafts;
}

interface Match {
  readonly question: Question;
  readonly score: number;
  /** Similarity of the interviewer's question sentence alone, when there is one. */
  readonly askedScore: number;
}

function bestMatch(
  prompt: string,
  asked: string | null,
  questions: readonly Question[],
  similarity: (a: string, b: string) => number,
): Match | null {
  let best: Match | null = null;
  for (const question of questions) {
    // The whole turn may bury the question in small talk; the question sentence alone may lack context.
    const askedScore = asked ? similarity(asked, question.text) : -Infinity;
    const score = Math.max(similarity(prompt, question.text), askedScore);
    if (!best || score > best.score) best = { question, score, askedScore };
  }
  return best;
}

/** True when the prompt says (nearly) all the content words of the question again. */
function repeats(prompt: string, question: string): boolean {
  const wanted = new Set(contentWords(question));
  if (wanted.size < 2) return false;
  const said = new Set(contentWords(prompt));
  let covered = 0;
  for (const word of wanted) if (said.has(word)) covered += 1;
  return covered / wanted.size >= REPEATED_QUESTION_COVERAGE;
}

function matchQuestions(drafts: readonly Draft[], options: LiveSegmentationOptions): Response[] {
  const questions = options.questions ?? [];
  const similarity = options.similarity ?? bagOfWordsSimilarity;
  const minMatch = options.minMatch ?? DEFAULT_MIN_MATCH;
  const prompts = drafts.map((d) =>
    d.prompt
      .map((s) => s.text)
      .join(' ')
      .trim(),
  );
  const asked = prompts.map((p) => lastQuestion(p));
  const matches = drafts.map((d, i) =>
    d.prompt.length === 0 || questions.length === 0
      ? null
      : bestMatch(prompts[i] ?? '', asked[i] ?? null, questions, similarity),
  );

  // Each question goes to its best-matching response (ties: the earlier one).
  const owner = new Map<string, number>();
  matches.forEach((match, i) => {
    if (!match || match.score < minMatch) return;
    const current = owner.get(match.question.id);
    if (current === undefined || match.score > (matches[current]?.score ?? -Infinity))
      owner.set(match.question.id, i);
  });

  return drafts.map((draft, index) => {
    const match = matches[index];
    const accepted =
      match !== null &&
      match !== undefined &&
      match.score >= minMatch &&
      (owner.get(match.question.id) === index || repeats(prompts[index] ?? '', match.question.text));
    const askedText = asked[index] ?? null;
    if (accepted) {
      // The interviewer's words when their question sentence is the one matched; else the set's text.
      const questionText =
        askedText !== null && match.askedScore >= minMatch ? askedText : match.question.text;
      return {
        index,
        question: match.question,
        questionText,
        questionSource: 'question-set',
        matchScore: match.score,
        segments: draft.segments,
        prompt: draft.prompt,
      };
    }
    if (askedText !== null) {
      return {
        index,
        question: null,
        questionText: askedText,
        questionSource: 'interviewer',
        matchScore: null,
        segments: draft.segments,
        prompt: draft.prompt,
      };
    }
    return {
      index,
      question: null,
      questionText: null,
      questionSource: 'none',
      matchScore: null,
      segments: draft.segments,
      prompt: draft.prompt,
    };
  });
}
