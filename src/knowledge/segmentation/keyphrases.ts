import type { Embeddings } from '../../analysis/language/semantic/index.js';
import { idfOfRank } from '../../analysis/language/semantic/index.js';
import type { ConversationToken } from './conversation-tokens.js';

/** Frequency rank given to a word the vectors lack, for its general-language rarity. */
const UNKNOWN_WORD_RANK = 20_000;
/** Shorter words are letters and fragments ("p", "c") in transcribed speech, not topics. */
const MIN_LETTERS = 3;
const HEAD = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN']);

/**
 * Keyphrases of each section by TF-IDF against the rest of the conversation: the sections are the
 * documents (Sparck Jones 1972; sublinear tf, Salton & Buckley 1988), so a phrase said all through
 * the call ranks below one said only here. Candidates are noun lemmas and adjective/noun + noun
 * pairs said at least twice in the section (Justeson & Katz 1995 noun-phrase pattern). With word
 * vectors, each phrase is also weighted by its general-language rarity (GloVe frequency rank, Zipf
 * IDF as in the analysis module) so "thing" and "way" give way to "battery" and "budget". A word
 * the vectors lack is weighted as a moderately rare one (rank 20,000) rather than the rarest, and
 * must be said twice: in speech such words are mostly cut-off fragments ("wou-", "landmark-iness").
 * @example sectionKeyphrases(tokens, [[0, 120], [120, 300]], loadEmbeddings(), 5)
 */
export function sectionKeyphrases(
  tokens: readonly ConversationToken[],
  ranges: readonly (readonly [number, number])[],
  embeddings: Embeddings | null,
  count: number,
): string[][] {
  const counts = ranges.map(([from, to]) => phraseCounts(tokens, from, to));
  const df = new Map<string, number>();
  for (const c of counts) for (const phrase of c.keys()) df.set(phrase, (df.get(phrase) ?? 0) + 1);
  const known = (word: string): boolean => !embeddings || embeddings.has(word);
  const general = (phrase: string): number => {
    if (!embeddings) return 1;
    return Math.max(...phrase.split(' ').map((w) => idfOfRank(embeddings.rank(w) ?? UNKNOWN_WORD_RANK)));
  };
  return counts.map((c) => {
    const scored: { phrase: string; score: number }[] = [];
    for (const [phrase, n] of c) {
      const isPair = phrase.includes(' ');
      if ((isPair || !phrase.split(' ').every(known)) && n < 2) continue;
      const idf = Math.log(1 + ranges.length / (df.get(phrase) ?? 1));
      scored.push({ phrase, score: (1 + Math.log(n)) * idf * general(phrase) });
    }
    scored.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1));
    const chosen: string[] = [];
    const used = new Set<string>();
    for (const { phrase } of scored) {
      const words = phrase.split(' ');
      if (words.some((w) => used.has(w))) continue;
      chosen.push(phrase);
      for (const w of words) used.add(w);
      if (chosen.length >= count) break;
    }
    return chosen;
  });
}

function phraseCounts(tokens: readonly ConversationToken[], from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (phrase: string): void => {
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i] as ConversationToken;
    if (t.term === null || t.term.length < MIN_LETTERS || !HEAD.has(t.pos)) continue;
    bump(t.term);
    const before = i > from ? (tokens[i - 1] as ConversationToken) : null;
    if (
      before?.term &&
      before.term.length >= MIN_LETTERS &&
      before.segment === t.segment &&
      MODIFIER.has(before.pos) &&
      before.term !== t.term
    )
      bump(`${before.term} ${t.term}`);
  }
  return counts;
}

/**
 * A short title from a section's keyphrases: the first three, comma-separated, capitalised.
 * @example titleOf(['remote control', 'battery', 'budget']) // 'Remote control, battery, budget'
 */
export function titleOf(keyphrases: readonly string[]): string {
  const text = keyphrases.slice(0, 3).join(', ');
  return text === '' ? 'Untitled section' : text.charAt(0).toUpperCase() + text.slice(1);
}
