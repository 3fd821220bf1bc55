/**
 * The default question matcher: cosine similarity of bags of content words (Salton & McGill 1983,
 * the vector space model). Stopwords, and the words nearly every interview question is built from
 * ("tell me about a time…", "describe…", "give an example…"), carry no information about which
 * question was asked, so they are left out.
 */

// English function words (after the SMART/NLTK lists), trimmed to what questions and answers use.
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
  once only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where
  which while who whom why will with would you your yours yourself yourselves let lets let's i'm you're it's
  that's there's what's can't don't didn't won't isn't wasn't i've you've we've i'd you'd i'll you'll also
  really maybe like well so okay ok yeah um uh`
    .split(/\s+/)
    .filter(Boolean),
);
// The frame of behavioural questions: shared by all of them, so no help telling them apart.
const QUESTION_FRAME = new Set(
  `tell describe explain walk talk give share example examples time times situation specific particular
  recent recently past one question questions think thought please something anything kind sort bit go going
  want know get got say said`
    .split(/\s+/)
    .filter(Boolean),
);

/** Crude suffix folding so "conflicts", "conflicting" and "conflict" count as one word. */
function fold(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The content words of a text, lowercased and folded, without stopwords.
 * @example contentWords('Tell me about a conflict with your manager.') // ['conflict', 'manager']
 */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = match[0].replace(/’/g, "'").replace(/'s$/, '');
    if (word.length < 2 || STOPWORDS.has(word) || QUESTION_FRAME.has(word)) continue;
    out.push(fold(word));
  }
  return out;
}

function counts(words: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of words) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

/**
 * Cosine similarity, 0–1, of the content-word counts of two texts; 0 when either has none.
 * @example bagOfWordsSimilarity('Tell me about a conflict with a colleague', 'Describe a conflict with a colleague and how you solved it') // ≈ 0.82
 */
export function bagOfWordsSimilarity(a: string, b: string): number {
  const left = counts(contentWords(a));
  const right = counts(contentWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  let dot = 0;
  for (const [word, n] of left) dot += n * (right.get(word) ?? 0);
  const norm = (bag: Map<string, number>): number =>
    Math.sqrt([...bag.values()].reduce((sum, n) => sum + n * n, 0));
  return dot / (norm(left) * norm(right));
}

/**
 * The last sentence of a text that ends in a question mark, or null.
 * @example lastQuestion('Thanks. What did you learn? Take your time.') // "What did you learn?"
 */
export function lastQuestion(text: string): string | null {
  const mark = text.lastIndexOf('?');
  if (mark < 0) return null;
  let end = mark + 1;
  while (end < text.length && /["'”’)\]]/.test(text.charAt(end))) end += 1;
  let start = mark - 1;
  for (; start >= 0; start -= 1) {
    const c = text.charCodeAt(start);
    if (c === 46 || c === 33 || c === 63) break; // . ! ?
  }
  const sentence = text.slice(start + 1, end).trim();
  return sentence === '' || sentence === '?' ? null : sentence;
}

/** Words in a text: whitespace-separated tokens holding a letter or digit. One pass, no allocation. */
export function wordCount(text: string): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    // Letters and digits; any non-ASCII character other than punctuation-like marks counts too.
    const wordy =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c > 127 && /[\p{L}\p{N}]/u.test(text.charAt(i)));
    if (wordy && !counted) {
      n += 1;
      counted = true;
    }
  }
  return n;
}
