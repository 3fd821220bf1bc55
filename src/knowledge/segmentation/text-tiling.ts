import type { Embeddings } from '../../analysis/language/semantic/index.js';
import { sifOfRank } from '../../analysis/language/semantic/index.js';
import type { ConversationTokens } from './conversation-tokens.js';
import { combineCohesion, embeddingCohesion, lexicalCohesion, smooth } from './cohesion.js';

/** How lexical chains are compared across a gap. */
export type Cohesion = 'lexical' | 'embedding' | 'both';

export interface TilingOptions {
  /** Words per pseudo-sentence ("token-sequence"), w. Hearst (1997) §5.1: 20. */
  readonly sentenceWords: number;
  /** Pseudo-sentences per block on each side of a gap, k. Hearst's default is 10 (written text). */
  readonly blockSize: number;
  /** Moving-average smoothing of the cohesion curve: rounds, each over 3 gaps (Hearst 1997 §5.2). */
  readonly smoothingRounds: number;
  /** c in the boundary cut-off mean(depth) − c·σ(depth); Hearst's "liberal" cut-off is c = ½. */
  readonly cutoff: number;
  /** Fewest words a section may hold (Hearst keeps boundaries ≥ 3 token-sequences apart). */
  readonly minSectionWords: number;
  readonly cohesion: Cohesion;
}

/** A topic boundary: section starts at `segment`; `depth` is its depth score (Hearst 1997 §5.3). */
export interface TopicBoundary {
  readonly segment: number;
  readonly depth: number;
}

/**
 * TextTiling (Hearst 1997) over a conversation's content-word lemmas, optionally with embedding
 * cohesion: block similarity at every pseudo-sentence gap, smoothed; the depth of each valley
 * (climb to the highest point on each side, sum both rises); valleys deeper than the cut-off become
 * boundaries, deepest first, keeping sections at least `minSectionWords` long (the generalisation
 * of Hearst's rule that boundaries must not be too close), snapped to the nearest segment start
 * (Hearst snaps to the nearest paragraph break).
 * @example tileConversation(conversationTokens(segments), options, loadEmbeddings())
 */
export function tileConversation(
  conversation: ConversationTokens,
  options: TilingOptions,
  embeddings: Embeddings | null,
): TopicBoundary[] {
  const { tokens, segmentStart } = conversation;
  const w = Math.max(1, Math.round(options.sentenceWords));
  const sentences: (string | null)[][] = [];
  for (let i = 0; i < tokens.length; i += w) sentences.push(tokens.slice(i, i + w).map((t) => t.term));
  if (sentences.length < 2) return [];

  const k = Math.max(1, Math.round(options.blockSize));
  const lexical = (): number[] => lexicalCohesion(sentences, k);
  const semantic = (): number[] => {
    const vectors = embeddings as Embeddings;
    return embeddingCohesion(sentences, k, vectors, (rank) => sifOfRank(rank, vectors.sourceSize));
  };
  let scores: number[];
  // Without word vectors (embeddings: null) every cohesion measure falls back to Hearst's lexical one.
  if (options.cohesion === 'lexical' || !embeddings) scores = lexical();
  else if (options.cohesion === 'embedding') scores = semantic();
  else scores = combineCohesion(lexical(), semantic());
  for (let r = 0; r < options.smoothingRounds; r++) scores = smooth(scores);

  const depths = depthScores(scores);
  const mean = depths.reduce((a, b) => a + b, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((a, b) => a + (b - mean) ** 2, 0) / depths.length);
  const threshold = mean - options.cutoff * sd;

  const candidates: TopicBoundary[] = [];
  depths.forEach((depth, gap) => {
    const s = scores[gap] as number;
    const isValley =
      (gap === 0 || s <= (scores[gap - 1] as number)) &&
      (gap === scores.length - 1 || s <= (scores[gap + 1] as number));
    if (!isValley || depth <= threshold || depth <= 0) return;
    const segment = nearestSegmentStart(segmentStart, tokens.length, w * (gap + 1));
    if (segment !== null) candidates.push({ segment, depth });
  });
  return pickApart(candidates, segmentStart, tokens.length, options.minSectionWords);
}

/** Depth score at every gap: (left peak − score) + (right peak − score), climbing while it rises. */
export function depthScores(scores: readonly number[]): number[] {
  return scores.map((s, i) => {
    let left = s;
    for (let j = i - 1; j >= 0 && (scores[j] as number) >= left; j--) left = scores[j] as number;
    let right = s;
    for (let j = i + 1; j < scores.length && (scores[j] as number) >= right; j++) right = scores[j] as number;
    return left - s + (right - s);
  });
}

/** The segment (≥ 1) whose first token is nearest `position`, the earliest on ties; null if none splits. */
function nearestSegmentStart(starts: readonly number[], total: number, position: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let b = 1; b < starts.length; b++) {
    const at = starts[b] as number;
    if (at <= 0 || at >= total) continue;
    const distance = Math.abs(at - position);
    if (distance < bestDistance) {
      best = b;
      bestDistance = distance;
    }
    if (at > position) break;
  }
  return best;
}

/** Deepest first, keeping every section (including the first and last) ≥ minWords words. */
function pickApart(
  candidates: readonly TopicBoundary[],
  starts: readonly number[],
  total: number,
  minWords: number,
): TopicBoundary[] {
  const chosen: TopicBoundary[] = [];
  const at = (b: TopicBoundary): number => starts[b.segment] as number;
  for (const candidate of [...candidates].sort((a, b) => b.depth - a.depth || a.segment - b.segment)) {
    const p = at(candidate);
    if (p < minWords || total - p < minWords) continue;
    if (chosen.some((c) => Math.abs(at(c) - p) < Math.max(1, minWords))) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.segment - b.segment);
}
