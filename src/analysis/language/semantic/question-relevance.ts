import type { Evidence } from '../../../domain/index.js';
import { round, type LanguageContext, type LanguageSignal } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { phraseStems, sentenceMatcher } from './sentence-matcher.js';

/**
 * Anti-echo: the share of content words that are *not* the question's own ("novelty"). A sentence
 * under this floor is an echo of the question; an answer under it is scaled down in proportion,
 * to 0 for a pure echo. Real answers run far above it: 0.97–1.00 for the on-topic answers in
 * question-relevance.test.ts.
 */
export const NOVELTY_FLOOR = 0.5;
/** A sentence this dissimilar to the question is quoted as off-topic (the median unrelated pair scores ~0.15). */
export const OFF_TOPIC_BELOW = 0.1;
/** Only sentences this long are quoted as off-topic: short ones ("Right.", "Good question.") are not digressions. */
const OFF_TOPIC_MIN_WORDS = 8;
const RELEVANT_QUOTES = 3;
/** Relevance = WHOLE_WEIGHT × whole-answer similarity + the rest × mean of the best TOP_SENTENCES sentences. */
const WHOLE_WEIGHT = 0.5;
const TOP_SENTENCES = 3;

/**
 * The framing of a behavioural question ("Tell me about a time when", "Describe a situation
 * where", "Give me an example of") says how to answer, not what about; left in, its words
 * ("tell", "time", "situation") match any story. Removing it raised the share of real off-topic
 * meeting turns that score below an on-topic answer from 0.54–1.00 to 0.69–1.00 over four questions
 * (question-relevance.test.ts measures the current figures).
 */
const QUESTION_FRAME =
  /\b(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:tell (?:me|us) about|describe|give (?:me |us )?(?:an? )?examples? of|walk (?:me|us) through|share|talk (?:me |us )?(?:about|through))\s+(?:a |an |the |one |some )?(?:specific |particular |recent |real )?(?:time|times|situation|occasion|instance|example|moment|experience)?\s*(?:when|where|in which|that|of)?\b/gi;

/**
 * A question without its behavioural framing: what the answer should be about.
 * @example questionTopic('Tell me about a time when you missed a deadline.') // 'you missed a deadline.'
 */
export function questionTopic(question: string): string {
  const topic = question.replace(QUESTION_FRAME, ' ').replace(/\s+/g, ' ').trim();
  return topic === '' ? question : topic;
}

export interface RelevanceResult {
  /** 0–1 after the anti-echo damping. */
  readonly value: number;
  /** Similarity before the whole-answer damping: half the whole answer, half its best three sentences. */
  readonly similarity: number;
  /** Share of the answer's content words that are not the question's. */
  readonly novelty: number;
  /** Similarity of each sentence to the question, damped when the sentence mostly repeats it. */
  readonly sentenceScores: readonly number[];
}

/**
 * Relevance of an answer to a question text, with its parts.
 * @example measureRelevance(doc, context, 'Tell me about a time you disagreed with a colleague.').value
 */
export function measureRelevance(
  doc: AnswerDocument,
  context: LanguageContext,
  question: string,
): RelevanceResult {
  const matcher = sentenceMatcher(doc, context);
  const topic = questionTopic(question);
  const questionStems = new Set(phraseStems(question));
  const damp = (share: number): number => Math.min(1, share / NOVELTY_FLOOR);
  const sentenceNovelty = matcher.sentenceStems.map((stems) => novelty(stems, questionStems));
  // A sentence made mostly of the question's own words ("Conflict with a colleague? Conflict!") is
  // an echo: scaled down in the sentence part, left out of the whole-answer part.
  const sentenceScores = matcher.sentences(topic).map((score, i) => score * damp(sentenceNovelty[i] ?? 0));
  const kept = sentenceNovelty.flatMap((share, i) => (share >= NOVELTY_FLOOR ? [i] : []));
  const whole =
    kept.length === sentenceNovelty.length
      ? matcher.whole(topic)
      : kept.length > 0
        ? matcher.some(kept, topic)
        : 0;
  const best = [...sentenceScores].sort((a, b) => b - a).slice(0, TOP_SENTENCES);
  const bestMean = best.length > 0 ? best.reduce((sum, v) => sum + v, 0) / best.length : 0;
  const similarity = WHOLE_WEIGHT * whole + (1 - WHOLE_WEIGHT) * bestMean;
  const answerNovelty = novelty(matcher.answerStems, questionStems);
  return { value: similarity * damp(answerNovelty), similarity, novelty: answerNovelty, sentenceScores };
}

/** Share of the stems that are not the question's, 0–1; 0 when there are none. */
function novelty(stems: Iterable<string>, questionStems: ReadonlySet<string>): number {
  let all = 0;
  let fresh = 0;
  for (const s of stems) {
    all++;
    if (!questionStems.has(s)) fresh++;
  }
  return all > 0 ? fresh / all : 0;
}

export const questionRelevance: LanguageSignal = {
  definition: {
    id: 'questionRelevance',
    name: 'Relevance to the question',
    unit: 'score',
    range: [0, 1],
    method:
      "Similarity of the answer to its question, with the question's framing (\"Tell me about a time when\") removed: half the whole answer's similarity, half the mean of its three most similar sentences'. " +
      'Each similarity is 0.6 × cosine of SIF-weighted mean GloVe vectors + 0.4 × TF-IDF cosine over lemmas (IDF from GloVe frequency rank). ' +
      "Repeating the question does not pay: a word counts at most twice (1 + ln tf, capped at 2); a sentence in which under half of the content words are new (not the question's) counts as an echo, " +
      'scaled down in proportion and left out of the whole-answer part; the answer as a whole is scaled the same way, so a pure echo scores 0. ' +
      'Evidence: the three sentences closest to the question (label "relevant") and the least relevant sentence of 8+ words when it is far off (label "off-topic").',
    source:
      'Arora, Liang & Ma (2017) SIF embeddings; Mu & Viswanath (2018) all-but-the-top; Salton & Buckley (1988) term weighting; Sparck Jones (1972) IDF; Zipf (1949)',
  },
  compute(doc, context) {
    const question = doc.questionText ?? (doc.promptText.trim() === '' ? null : doc.promptText);
    if (question === null)
      return {
        signal: 'questionRelevance',
        value: null,
        evidence: [],
        reason: 'no question for this answer',
      };
    if (doc.wordCount === 0)
      return { signal: 'questionRelevance', value: null, evidence: [], reason: 'empty answer' };
    const result = measureRelevance(doc, context, question);
    return {
      signal: 'questionRelevance',
      value: round(result.value),
      evidence: relevanceEvidence(doc, result.sentenceScores),
    };
  },
};

function relevanceEvidence(doc: AnswerDocument, scores: readonly number[]): Evidence[] {
  const ranked = scores
    .map((score, sentence) => ({ score, sentence }))
    // A quote of fewer than four words ("Sure.") shows nothing a reader can check.
    .filter((s) => s.score > 0 && (doc.sentences[s.sentence]?.wordCount ?? 0) >= 4)
    .sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  const evidence = ranked.slice(0, RELEVANT_QUOTES).map((s) => doc.sentenceEvidence(s.sentence, 'relevant'));
  const quoted = new Set(ranked.slice(0, RELEVANT_QUOTES).map((s) => s.sentence));
  let worst: { score: number; sentence: number } | null = null;
  scores.forEach((score, sentence) => {
    const long = (doc.sentences[sentence]?.wordCount ?? 0) >= OFF_TOPIC_MIN_WORDS;
    if (long && !quoted.has(sentence) && score < OFF_TOPIC_BELOW && (worst === null || score < worst.score))
      worst = { score, sentence };
  });
  const offTopic = worst as { score: number; sentence: number } | null;
  if (offTopic) evidence.push(doc.sentenceEvidence(offTopic.sentence, 'off-topic'));
  return evidence;
}
