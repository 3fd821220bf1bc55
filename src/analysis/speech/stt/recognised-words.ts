import type { Segment, Word } from '../../../domain/index.js';

/**
 * The spoken word in a pocketsphinx dictionary entry, or null for the decoder's own tokens:
 * sentence marks `<s>`/`</s>`, silence `<sil>`, fillers from the noise dictionary (`[NOISE]`,
 * `[SPEECH]`, `++UH++`), and the alternate-pronunciation suffix `(2)` dropped ("the(2)" → "the").
 * @example spokenWord('for(2)') // "for"
 * @example spokenWord('<sil>') // null
 */
export function spokenWord(token: string): string | null {
  if (/^<.*>$/.test(token) || /^\[.*\]$/.test(token) || /^\+\+.*\+\+$/.test(token)) return null;
  const word = token.replace(/\(\d+\)$/, '').trim();
  return word.length > 0 ? word : null;
}

/** Rounds seconds to milliseconds, so times print and compare cleanly. */
export const roundSeconds = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * One transcript segment from an utterance's words (already in order, times in seconds), or null
 * when nothing was said. The segment spans its first word's start to its last word's end.
 * @example segmentFromWords([{ text: 'hello', start: 0.2, end: 0.6 }]) // { speaker: null, start: 0.2, end: 0.6, text: 'hello', words: [...] }
 */
export function segmentFromWords(words: readonly Word[]): Segment | null {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return null;
  return {
    speaker: null,
    start: first.start,
    end: last.end,
    text: words.map((w) => w.text).join(' '),
    words,
  };
}

/**
 * Words into segments: a new segment after a pause of `pauseSeconds` or more, and, with
 * `endAtPunctuation`, after a word that ends a sentence (engines that punctuate, like whisper).
 * @example segmentsFromWords(words, { pauseSeconds: 0.7 })
 */
export function segmentsFromWords(
  words: readonly Word[],
  options: { readonly pauseSeconds: number; readonly endAtPunctuation?: boolean },
): Segment[] {
  const out: Segment[] = [];
  let current: Word[] = [];
  const close = (): void => {
    const segment = segmentFromWords(current);
    if (segment) out.push(segment);
    current = [];
  };
  for (const word of words) {
    const previous = current.at(-1);
    if (previous && word.start - previous.end >= options.pauseSeconds) close();
    current.push(word);
    if (options.endAtPunctuation && /[.?!]["')\]]?$/.test(word.text)) close();
  }
  close();
  return out;
}
