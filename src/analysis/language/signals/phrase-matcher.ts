import { CandorError } from '../../../core/index.js';
import { nlp } from '../nlp.js';
import type { AnswerDocument, Token } from '../text-document.js';
import { norm } from './token-context.js';

/**
 * A phrase matcher over token sequences, shared by every lexicon signal.
 *
 * Phrase notation (one phrase per string):
 * - plain words match the lower-cased token text: `"as a result"`. Phrases are tokenised by the
 *   same wink-nlp tokenizer as answers, so `"didn't"` and `"trade-off"` split the way answers do.
 * - `~word` matches any inflection by lemma: `"~listen"` matches listen, listens, listened.
 * - `...` is a gap of up to `maxGap` tokens inside the same sentence, shortest first:
 *   `"if ... then"`, `"~reduce ... by"`.
 * - `#` matches one number, in digits or words (wink-nlp's NUM tag): `"# percent"`, `"from # to #"`;
 *   a phrase may start with it.
 *
 * Phrases are indexed by their first token, so a document is matched in one pass over its tokens;
 * at each position the longest matching phrase wins and matching resumes after it, so a span is
 * counted once.
 */

export interface PhraseMatch {
  /** The phrase as written in the lexicon, `~` removed and `...` shown as `…`. */
  readonly label: string;
  readonly firstToken: number;
  readonly lastToken: number;
  /** Character span in `doc.text`, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

type Element =
  | { readonly kind: 'word'; readonly value: string }
  | { readonly kind: 'lemma'; readonly value: string }
  | { readonly kind: 'number' }
  | { readonly kind: 'gap' };

interface CompiledPhrase {
  readonly label: string;
  readonly elements: readonly Element[];
}

export interface PhraseMatcherOptions {
  /** Longest gap `...` may cover, in tokens. */
  readonly maxGap?: number;
}

const GAP = '...';
const NUMBER = '#';

/** A number said in digits or words ("40", "2.5", "forty", "three"). */
export function isNumber(token: Token): boolean {
  return token.pos === 'NUM' || token.type === 'number';
}

/**
 * Compiles a lexicon once; `match` then runs in time linear in the document length.
 * @example
 * const m = new PhraseMatcher(['because', 'as a result', '~weigh', 'if ... then']);
 * m.match(docFromText('We weighed it, because if it failed then we lost.')).map((x) => x.label)
 * // ['weigh', 'because', 'if … then']
 */
export class PhraseMatcher {
  private readonly byWord = new Map<string, CompiledPhrase[]>();
  private readonly byLemma = new Map<string, CompiledPhrase[]>();
  private readonly maxGap: number;

  constructor(phrases: readonly string[], options: PhraseMatcherOptions = {}) {
    this.maxGap = options.maxGap ?? 8;
    phrases.forEach((phrase, index) => {
      const compiled = compile(phrase, index);
      const head = compiled.elements[0];
      if (head === undefined || head.kind === 'gap') {
        throw new CandorError('INTERNAL', `lexicon phrase ${index + 1} "${phrase}" must start with a word`, {
          field: 'phrases',
          index,
        });
      }
      const index_ = head.kind === 'lemma' ? this.byLemma : this.byWord;
      const key = head.kind === 'number' ? NUMBER : head.value;
      const list = index_.get(key) ?? [];
      list.push(compiled);
      index_.set(key, list);
    });
  }

  /** All non-overlapping matches in document order. */
  match(doc: AnswerDocument): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const tokens = doc.tokens;
    for (let i = 0; i < tokens.length;) {
      const t = tokens[i];
      if (t === undefined || !t.isWord) {
        i++;
        continue;
      }
      let bestEnd = -1;
      let best: CompiledPhrase | undefined;
      const lower = norm(t);
      const lemma = t.lemma.toLowerCase();
      const candidates = [
        this.byWord.get(lower),
        this.byLemma.get(lemma),
        lemma === lower ? undefined : this.byLemma.get(lower),
        isNumber(t) && lower !== NUMBER ? this.byWord.get(NUMBER) : undefined,
      ];
      for (const list of candidates) {
        if (list === undefined) continue;
        for (const phrase of list) {
          const end = this.matchAt(doc, phrase.elements, 0, i, t.sentence);
          if (end > bestEnd) {
            bestEnd = end;
            best = phrase;
          }
        }
      }
      if (best === undefined) {
        i++;
        continue;
      }
      const last = tokens[bestEnd];
      out.push({
        label: best.label,
        firstToken: i,
        lastToken: bestEnd,
        start: t.start,
        end: last?.end ?? t.end,
        sentence: t.sentence,
      });
      i = bestEnd + 1;
    }
    return out;
  }

  /** Index of the last token matched when `elements[e..]` match from token `i`, else -1. */
  private matchAt(
    doc: AnswerDocument,
    elements: readonly Element[],
    e: number,
    i: number,
    sentence: number,
  ): number {
    const element = elements[e];
    if (element === undefined) return i - 1;
    if (element.kind === 'gap') {
      for (let g = 0; g <= this.maxGap; g++) {
        const t = doc.tokens[i + g];
        if (t === undefined || t.sentence !== sentence) return -1;
        const end = this.matchAt(doc, elements, e + 1, i + g, sentence);
        if (end >= 0) return end;
      }
      return -1;
    }
    const t = doc.tokens[i];
    if (t === undefined || t.sentence !== sentence) return -1;
    const lower = norm(t);
    const hit =
      element.kind === 'number'
        ? isNumber(t)
        : element.kind === 'word'
          ? lower === element.value
          : lower === element.value || t.lemma.toLowerCase() === element.value;
    return hit ? this.matchAt(doc, elements, e + 1, i + 1, sentence) : -1;
  }
}

function compile(phrase: string, index: number): CompiledPhrase {
  const elements: Element[] = [];
  let literal: string[] = [];
  const flush = (): void => {
    if (literal.length === 0) return;
    // Tokenise literal runs with the answer tokenizer so contractions and hyphens split identically.
    for (const value of nlp.readDoc(literal.join(' ')).tokens().out()) {
      elements.push({ kind: 'word', value: value.toLowerCase().replace(/’/g, "'") });
    }
    literal = [];
  };
  for (const part of phrase.trim().toLowerCase().split(/\s+/)) {
    if (part === GAP || part === '…') {
      flush();
      elements.push({ kind: 'gap' });
    } else if (part === NUMBER) {
      flush();
      elements.push({ kind: 'number' });
    } else if (part.startsWith('~') && part.length > 1) {
      flush();
      elements.push({ kind: 'lemma', value: part.slice(1) });
    } else if (part !== '') {
      literal.push(part);
    }
  }
  flush();
  if (elements.at(-1)?.kind === 'gap') {
    throw new CandorError('INTERNAL', `lexicon phrase ${index + 1} "${phrase}" must end with a word`, {
      field: 'phrases',
      index,
    });
  }
  const label = phrase
    .trim()
    .replace(/~/g, '')
    .replace(/\.\.\./g, '…')
    .replace(/\s+/g, ' ');
  return { label, elements };
}
