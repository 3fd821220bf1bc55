import type { Segment } from '../../domain/index.js';
import type { Embeddings } from '../../analysis/language/semantic/index.js';
import { sifOfRank } from '../../analysis/language/semantic/index.js';
import type { ConversationTokens } from './conversation-tokens.js';

/**
 * Evidence that a new topic starts at a turn, one number per feature, in the manner of Galley,
 * McKeown, Fosler-Lussier & Jing (2003, "Discourse segmentation of multi-party conversation"):
 * lexical cohesion across the turn (their LCSeg, after Hearst 1997's TextTiling), its embedding
 * counterpart (Riedl & Biemann 2012's TopicTiling idea with GloVe vectors), cue phrases at the
 * turn's start (Hirschberg & Litman 1993; Galley et al. §4.2) and change in who is speaking
 * (Galley et al.'s speaker-change feature). Transcripts carry no reliable pauses, so their silence
 * feature is left out. Windows are in words; "z" means scaled to mean 0, SD 1 within the
 * conversation, "depth" is Hearst's depth score taken against the highest cohesion within the same
 * window on each side.
 */
export const BOUNDARY_FEATURES = [
  'lexicalDepth400', //       depth of word-overlap cohesion, 400 words a side, z
  'lexicalDepth1000', //      the same, 1,000 words a side, z
  'embeddingDepth1000', //    depth of GloVe cohesion, 1,000 words a side, z
  'embeddingDepth2000', //    the same, 2,000 words a side, z
  'lexical1000', //           word-overlap cohesion itself, 1,000 words a side, z
  'embedding1000', //         GloVe cohesion itself, 1,000 words a side, z
  'speakerTurns30', //        cosine of who took the 30 turns before and the 30 after, z
  'speakerWords20', //        cosine of who said the words of the 20 turns before and after, z
  'speakerWords60', //        the same over 60 turns, z
  'presenter', //             this speaker's share of the next 30 turns' words minus the last 30's
  'previousThanks', //        the turn before starts with "thank(s)"
  'previousOkay', //          the turn before starts with okay / alright / right / good
  'cuesNearby', //            turns within 2 that start with okay / so / now / alright / right / anyway / let / next
  'shortTurnsBefore', //      how many of the 5 turns before have ≤ 3 words (back-channels)
  'mainSpeaker', //           the speaker with the most turns (chair, project manager)
  'logWords', //              log(1 + words in the turn)
  'logWordsBefore', //        log(1 + words in the turn before)
  'startsOkay', //            "okay" among the turn's first two words
  'startsThanks', //          "thank(s)" among the turn's first two words
  'movesOn', //               "move on", "next item", "agenda", … in the turn
  'logWordsSoFar', //         log(1 + words said before the turn)
  'logWordsLeft', //          log(1 + words said from the turn on)
] as const;

export type BoundaryFeature = (typeof BOUNDARY_FEATURES)[number];

const OPENING_CUES = new Set(['okay', 'so', 'now', 'alright', 'right', 'anyway', 'let', 'next']);
const CLOSING_OKAY = new Set(['okay', 'alright', 'right', 'good']);
const MOVES_ON = /\b(?:move on|moving on|next item|next point|next question|next thing|agenda)\b/;

/**
 * The features of every turn as a candidate section start: row i describes the boundary before
 * turn i (row 0 is computed too but never a boundary). Order as in `BOUNDARY_FEATURES`.
 * @example boundaryFeatures(segments, conversationTokens(segments), loadEmbeddings())[5]?.length // 22
 */
export function boundaryFeatures(
  segments: readonly Segment[],
  conversation: ConversationTokens,
  embeddings: Embeddings | null,
): number[][] {
  const n = segments.length;
  const { tokens, segmentStart } = conversation;
  const total = tokens.length;
  const words = segments.map((_, i) => (segmentStart[i + 1] ?? total) - (segmentStart[i] as number));
  const surface = segments.map((_, i) =>
    tokens.slice(segmentStart[i], segmentStart[i + 1] ?? total).map((t) => t.word),
  );
  const terms = tokens.map((t) => t.term);

  const lexical400 = lexicalAtTurns(terms, segmentStart, 400);
  const lexical1000 = lexicalAtTurns(terms, segmentStart, 1000);
  // Without word vectors the embedding features fall back to the lexical curves.
  const embedding1000 = embeddings ? embeddingAtTurns(terms, segmentStart, 1000, embeddings) : lexical1000;
  const embedding2000 = embeddings
    ? embeddingAtTurns(terms, segmentStart, 2000, embeddings)
    : lexicalAtTurns(terms, segmentStart, 2000);

  const speakers = segments.map((s) => s.speaker ?? '');
  const turnsBy = new Map<string, number>();
  for (const s of speakers) turnsBy.set(s, (turnsBy.get(s) ?? 0) + 1);
  const main = [...turnsBy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ones = words.map(() => 1);

  const first = (i: number, count: number): string[] => (surface[i] ?? []).slice(0, count);
  const startsWith = (i: number, set: ReadonlySet<string>): boolean =>
    i >= 0 && i < n && set.has(first(i, 1)[0] ?? '');
  const thanks = (i: number, count: number): boolean =>
    i >= 0 && i < n && first(i, count).some((w) => w.startsWith('thank'));

  const columns: number[][] = [
    standardise(depthWithin(lexical400, segmentStart, 400)),
    standardise(depthWithin(lexical1000, segmentStart, 1000)),
    standardise(depthWithin(embedding1000, segmentStart, 1000)),
    standardise(depthWithin(embedding2000, segmentStart, 2000)),
    standardise(lexical1000),
    standardise(embedding1000),
    standardise(speakerCosine(speakers, ones, 30)),
    standardise(speakerCosine(speakers, words, 20)),
    standardise(speakerCosine(speakers, words, 60)),
    speakers.map((s, i) => shareOf(s, speakers, words, i, i + 30) - shareOf(s, speakers, words, i - 30, i)),
    speakers.map((_, i) => (thanks(i - 1, 3) ? 1 : 0)),
    speakers.map((_, i) => (startsWith(i - 1, CLOSING_OKAY) ? 1 : 0)),
    speakers.map((_, i) => {
      let c = 0;
      for (let j = i - 2; j <= i + 2; j++) if (startsWith(j, OPENING_CUES)) c++;
      return c;
    }),
    speakers.map((_, i) => {
      let c = 0;
      for (let j = Math.max(0, i - 5); j < i; j++) if ((words[j] as number) <= 3) c++;
      return c;
    }),
    speakers.map((s) => (s === main ? 1 : 0)),
    words.map((w) => Math.log1p(w)),
    words.map((_, i) => Math.log1p(words[i - 1] ?? 0)),
    speakers.map((_, i) => (first(i, 2).includes('okay') ? 1 : 0)),
    speakers.map((_, i) => (thanks(i, 2) ? 1 : 0)),
    surface.map((w) => (MOVES_ON.test(w.join(' ')) ? 1 : 0)),
    segmentStart.map((at) => Math.log1p(at)),
    segmentStart.map((at) => Math.log1p(total - at)),
  ];
  return segments.map((_, i) => columns.map((c) => c[i] as number));
}

/** Cosine of the content-word counts of the `width` words before each turn and the `width` after. */
function lexicalAtTurns(
  terms: readonly (string | null)[],
  starts: readonly number[],
  width: number,
): number[] {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const add = (map: Map<string, number>, term: string | null | undefined, by: number): void => {
    if (term === null || term === undefined) return;
    const n = (map.get(term) ?? 0) + by;
    if (n === 0) map.delete(term);
    else map.set(term, n);
  };
  let lo = 0;
  let at = 0;
  let hi = 0;
  return starts.map((q) => {
    for (; at < q; at++) {
      add(right, terms[at], -1);
      add(left, terms[at], 1);
    }
    for (; hi < Math.min(terms.length, q + width); hi++) add(right, terms[hi], 1);
    for (; lo < q - width; lo++) add(left, terms[lo], -1);
    return countCosine(left, right);
  });
}

function countCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, n] of a) {
    dot += n * (b.get(term) ?? 0);
    na += n * n;
  }
  for (const n of b.values()) nb += n * n;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Cosine of the SIF-weighted (Arora, Liang & Ma 2017) sums of GloVe vectors of the `width` words
 * before each turn and the `width` after.
 */
function embeddingAtTurns(
  terms: readonly (string | null)[],
  starts: readonly number[],
  width: number,
  embeddings: Embeddings,
): number[] {
  const dims = embeddings.dims;
  const prefix = new Float64Array((terms.length + 1) * dims);
  const v = new Float64Array(dims);
  terms.forEach((term, i) => {
    v.fill(0);
    const row = term === null ? -1 : embeddings.indexOf(term);
    if (row >= 0) embeddings.addTo(v, row, sifOfRank(embeddings.rankAt(row), embeddings.sourceSize));
    for (let d = 0; d < dims; d++)
      prefix[(i + 1) * dims + d] = (prefix[i * dims + d] as number) + (v[d] as number);
  });
  return starts.map((q) => {
    const a0 = Math.max(0, q - width);
    const b1 = Math.min(terms.length, q + width);
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let d = 0; d < dims; d++) {
      const a = (prefix[q * dims + d] as number) - (prefix[a0 * dims + d] as number);
      const b = (prefix[b1 * dims + d] as number) - (prefix[q * dims + d] as number);
      dot += a * b;
      na += a * a;
      nb += b * b;
    }
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  });
}

/** Hearst's depth, (highest on the left − here) + (highest on the right − here), within `width` words. */
function depthWithin(curve: readonly number[], starts: readonly number[], width: number): number[] {
  return curve.map((c, i) => {
    const at = starts[i] as number;
    let left = c;
    for (let j = i - 1; j >= 0 && at - (starts[j] as number) <= width; j--)
      left = Math.max(left, curve[j] as number);
    let right = c;
    for (let j = i + 1; j < curve.length && (starts[j] as number) - at <= width; j++)
      right = Math.max(right, curve[j] as number);
    return left - c + (right - c);
  });
}

/** Cosine of the per-speaker totals of `amount` over the `span` turns before each turn and from it on. */
function speakerCosine(speakers: readonly string[], amount: readonly number[], span: number): number[] {
  return speakers.map((_, i) => {
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (let j = Math.max(0, i - span); j < i; j++)
      before.set(speakers[j] as string, (before.get(speakers[j] as string) ?? 0) + (amount[j] as number));
    for (let j = i; j < Math.min(speakers.length, i + span); j++)
      after.set(speakers[j] as string, (after.get(speakers[j] as string) ?? 0) + (amount[j] as number));
    return countCosine(before, after);
  });
}

/** The speaker's share of the words of turns [from, to), clipped to the conversation; 0 if none. */
function shareOf(
  speaker: string,
  speakers: readonly string[],
  words: readonly number[],
  from: number,
  to: number,
): number {
  let own = 0;
  let all = 0;
  for (let j = Math.max(0, from); j < Math.min(speakers.length, to); j++) {
    all += words[j] as number;
    if (speakers[j] === speaker) own += words[j] as number;
  }
  return all > 0 ? own / all : 0;
}

function standardise(xs: readonly number[]): number[] {
  const mean = xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length || 1)) || 1;
  return xs.map((x) => (x - mean) / sd);
}
