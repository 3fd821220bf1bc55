import model from 'wink-eng-lite-web-model';
import { nlp } from '../../analysis/language/nlp.js';

/** Token types that count as words, as in analysis/language/text-document. */
const WORD_TYPES = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention']);

/** The model's Porter2 stemmer (its types declare addons `unknown`; wink-nlp calls it with a string). */
const stemAddon =
  typeof model.addons.stem === 'function' ? (model.addons.stem as (word: string) => string) : null;
const cache = new Map<string, string>();
/** Distinct words kept; a long-running server sees an open vocabulary, so the cache is bounded. */
const CACHE_LIMIT = 100_000;

/**
 * Porter2 ("Snowball English") stem of one lower-case word, from the wink-nlp model the project
 * already loads: "prices", "pricing" → "price"; "costly", "costs" → "cost"; "managers",
 * "management" → "manag". Stems join inflections and derivations that lemmas keep apart ("costly"
 * is its own lemma); the price is some over-joining ("secure" and "security" share "secur").
 * @example stem('integrations') // 'integr'
 */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  const value = stemAddon ? stemAddon(lower) : lower;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, value);
  return value;
}

/**
 * The words of a phrase, tokenised by the same wink-nlp tokenizer as transcripts (so "follow-up"
 * and "didn't" split the same way), lower-cased as written.
 * @example phraseWords('Hiring process') // ['hiring', 'process']
 */
export function phraseWords(phrase: string): string[] {
  /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp's `its.*` are plain accessor functions */
  const doc = nlp.readDoc(phrase.trim());
  const values = doc.tokens().out();
  const types = doc.tokens().out(nlp.its.type);
  /* eslint-enable @typescript-eslint/unbound-method */
  return values.filter((_, i) => WORD_TYPES.has(types[i] ?? ''));
}
