import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument, Token } from '../text-document.js';

/**
 * Small token-level helpers shared by the lexical signals. Every helper stays inside one
 * sentence: a cue word in the previous sentence says nothing about this one.
 */

/** Punctuation a speaker's pause or break is transcribed as: comma, dash, ellipsis, semicolon. */
const PAUSE_PUNCTUATION = new Set([',', ';', '-', '--', '—', '–', '...', '…', ':']);
/** Dashes and ellipses mark an interruption point in transcripts (Shriberg 1994). */
const BREAK_PUNCTUATION = new Set(['-', '--', '—', '–', '...', '…']);
const END_PUNCTUATION = new Set(['.', '?', '!']);

/**
 * Normalised lower-case form: curly apostrophes become straight so "I’m" and "I'm" compare equal.
 * @example norm(docFromText('I’m').tokens[0]) // "i'm"
 */
export function norm(token: Token): string {
  return token.lower.includes('’') ? token.lower.replace(/’/g, "'") : token.lower;
}

/** The token at `i` if it exists and is in `sentence`, else undefined. */
export function tokenIn(doc: AnswerDocument, i: number, sentence: number): Token | undefined {
  const t = doc.tokens[i];
  return t !== undefined && t.sentence === sentence ? t : undefined;
}

export function isPause(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'punctuation' && PAUSE_PUNCTUATION.has(token.text);
}

export function isBreak(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'punctuation' && BREAK_PUNCTUATION.has(token.text);
}

export function isSentenceEnd(token: Token | undefined): boolean {
  return token === undefined || (token.type === 'punctuation' && END_PUNCTUATION.has(token.text));
}

/**
 * Index of the nearest word token before `i` in the same sentence, or -1.
 * @example previousWord(docFromText('Yes, like that.'), 2) // 0
 */
export function previousWord(doc: AnswerDocument, i: number): number {
  const s = doc.tokens[i]?.sentence;
  for (let j = i - 1; j >= 0; j--) {
    const t = doc.tokens[j];
    if (t === undefined || t.sentence !== s) return -1;
    if (t.isWord) return j;
  }
  return -1;
}

/**
 * Evidence quoting tokens `first`..`last` with up to `radius` words either side, kept inside
 * the sentence: enough context to judge the item, never the whole answer.
 * @example windowEvidence(docFromText('and um we decided to go'), 1, 1, 'um').quote // 'and um we decided to'
 */
export function windowEvidence(
  doc: AnswerDocument,
  first: number,
  last: number,
  label: string,
  radius = 3,
): Evidence {
  const tokens = doc.tokens;
  const sentence = tokens[first]?.sentence ?? 0;
  let a = first;
  for (let j = first - 1, words = 0; j >= 0 && words < radius; j--) {
    const t = tokens[j];
    if (t === undefined || t.sentence !== sentence) break;
    a = j;
    if (t.isWord) words++;
  }
  let b = last;
  for (let j = last + 1, words = 0; j < tokens.length && words < radius; j++) {
    const t = tokens[j];
    if (t === undefined || t.sentence !== sentence) break;
    b = j;
    if (t.isWord) words++;
  }
  // Do not start a quote on a dangling comma or end it on one.
  while (a < first && tokens[a]?.type === 'punctuation') a++;
  while (b > last && isPause(tokens[b])) b--;
  return doc.evidence(tokens[a]?.start ?? 0, tokens[b]?.end ?? 0, label);
}
