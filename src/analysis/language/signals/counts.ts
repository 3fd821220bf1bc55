import { round, type LanguageSignal } from '../language-signal.js';

/** Below one second of speech a rate is noise, not a measurement. */
const MIN_TIMED_SECONDS = 1;

export const wordCount: LanguageSignal = {
  definition: {
    id: 'wordCount',
    name: 'Answer length',
    unit: 'words',
    range: [0, 100_000],
    method:
      'Number of words in the answer as tokenised by wink-nlp (punctuation and clitics like "n\'t" are not words).',
    source: 'wink-nlp tokenizer',
  },
  compute(doc) {
    return { signal: 'wordCount', value: doc.wordCount, evidence: [] };
  },
};

export const wordsPerMinute: LanguageSignal = {
  definition: {
    id: 'wordsPerMinute',
    name: 'Speaking rate',
    unit: 'words/min',
    range: [0, 600],
    method: 'Words divided by the minutes from the first timed word (or segment) of the answer to the last.',
    source:
      'Speaking rate as words per minute (e.g. Tauroza & Allison 1990, conversational English ~150–190 wpm)',
  },
  compute(doc) {
    const seconds = doc.durationSeconds;
    if (seconds === null || seconds < MIN_TIMED_SECONDS) {
      return { signal: 'wordsPerMinute', value: null, evidence: [], reason: 'no timings in the transcript' };
    }
    return { signal: 'wordsPerMinute', value: round(doc.wordCount / (seconds / 60)), evidence: [] };
  },
};

export const meanSentenceLength: LanguageSignal = {
  definition: {
    id: 'meanSentenceLength',
    name: 'Mean sentence length',
    unit: 'words/sentence',
    range: [0, 100_000],
    method:
      'Words divided by the number of sentences that contain a word (wink-nlp sentence boundaries); the longest sentence is quoted.',
    source: 'wink-nlp sentence boundary detection',
  },
  compute(doc) {
    let sentences = 0;
    let longest = -1;
    let longestWords = 0;
    for (const s of doc.sentences) {
      if (s.wordCount === 0) continue;
      sentences++;
      if (s.wordCount > longestWords) {
        longestWords = s.wordCount;
        longest = s.index;
      }
    }
    if (sentences === 0)
      return { signal: 'meanSentenceLength', value: null, evidence: [], reason: 'empty answer' };
    return {
      signal: 'meanSentenceLength',
      value: round(doc.wordCount / sentences),
      evidence: [doc.sentenceEvidence(longest, `longest sentence: ${longestWords} words`)],
    };
  },
};
