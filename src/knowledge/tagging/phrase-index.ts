import type { Token } from '../../analysis/language/text-document.js';

/** One phrase to find: its words' keys in order, and an optional extra test on each text word. */
export interface PhraseSpec<T> {
  readonly value: T;
  readonly keys: readonly string[];
  /** Further condition on the text word matched to `keys[index]` (letter case, for names). */
  readonly accept?: (token: Token, index: number) => boolean;
}

export interface PhraseHit<T> {
  readonly value: T;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly sentence: number;
}

/** A hyphen inside a compound ("follow-up", "e-mail" split by the tokenizer) does not break a phrase. */
const HYPHEN = /^[-‐‑–]$/;

/**
 * Finds phrases as whole-word sequences inside one sentence. Words are compared by a key (the
 * stem for topics, the lower-cased word for names); punctuation other than a hyphen, and clitics
 * ("'s", "n't"), break a phrase, so "customer, support" is not "customer support". Phrases are
 * indexed by their first key: one pass over the tokens, each hit reported (a word may start
 * several phrases, e.g. "support" and "support ticket").
 * @example new PhraseIndex([{ value: 'pricing', keys: ['price'] }], (t) => stem(t.lower)).find(doc.tokens)
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, PhraseSpec<T>[]>();

  constructor(
    specs: readonly PhraseSpec<T>[],
    private readonly keyOf: (token: Token) => string,
  ) {
    for (const spec of specs) {
      const first = spec.keys[0];
      if (first === undefined) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(spec);
      this.byFirst.set(first, list);
    }
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Every hit among `tokens[from..to)`, in text order, the longest first where several start at one word. */
  find(tokens: readonly Token[], from = 0, to = tokens.length): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    if (this.byFirst.size === 0) return hits;
    for (let i = from; i < to; i++) {
      const t = tokens[i] as Token;
      if (!t.isWord) continue;
      const specs = this.byFirst.get(this.keyOf(t));
      if (specs === undefined) continue;
      const before = hits.length;
      for (const spec of specs) {
        const last = this.matchFrom(tokens, spec, i, to);
        if (last >= 0) hits.push({ value: spec.value, firstToken: i, lastToken: last, sentence: t.sentence });
      }
      // Longest first at one position: "Slack Technologies" before "Slack".
      if (hits.length - before > 1) {
        const here = hits.splice(before).sort((a, b) => b.lastToken - a.lastToken);
        hits.push(...here);
      }
    }
    return hits;
  }

  /** Index of the phrase's last token when it matches from token `i`, else -1. */
  private matchFrom(tokens: readonly Token[], spec: PhraseSpec<T>, i: number, to: number): number {
    const sentence = (tokens[i] as Token).sentence;
    let j = i;
    for (let k = 0; k < spec.keys.length; k++) {
      if (k > 0) {
        j++;
        while (j < to && HYPHEN.test((tokens[j] as Token).text) && tokens[j + 1]?.isWord === true) j++;
      }
      const t = tokens[j];
      if (j >= to || t === undefined || !t.isWord || t.sentence !== sentence) return -1;
      if (this.keyOf(t) !== spec.keys[k]) return -1;
      if (spec.accept && !spec.accept(t, k)) return -1;
    }
    return j;
  }
}
