import type { Segment } from '../../domain/index.js';
import type { Embeddings } from '../../analysis/language/semantic/index.js';
import { loadEmbeddings } from '../../analysis/language/semantic/index.js';
import { conversationTokens, type ConversationTokens } from './conversation-tokens.js';
import { sectionKeyphrases, titleOf } from './keyphrases.js';
import { tileConversation, type TilingOptions, type TopicBoundary } from './text-tiling.js';
import { boundaryFeatures } from './boundary-features.js';
import { BOUNDARY_MODEL, boundaryScores, pickBoundaries, type BoundaryModel } from './boundary-model.js';

/** One titled section of a conversation. */
export interface TopicSection {
  /** Index of the section's first and last transcript segment, both inclusive. */
  readonly firstSegment: number;
  readonly lastSegment: number;
  /** Seconds from the start of the recording, when the segments carry times. */
  readonly start: number | null;
  readonly end: number | null;
  /** The first three keyphrases ("Remote control, battery, budget"). */
  readonly title: string;
  /** Up to five keyphrases, best first, by TF-IDF against the rest of the conversation. */
  readonly keyphrases: readonly string[];
  /**
   * Strength of the evidence for the cut, > 0: with the default method the boundary score's margin
   * over the threshold (log-odds), with `method: 'text-tiling'` the depth of the cohesion valley
   * (Hearst 1997). Null for the first section.
   */
  readonly boundaryDepth: number | null;
}

export interface SegmentTopicsOptions extends Partial<TilingOptions> {
  /**
   * Word vectors; by default the project's shared GloVe file (loaded once per process). `null`:
   * none, so cohesion is lexical only and keyphrases are weighted within the conversation only.
   */
  readonly embeddings?: Embeddings | null;
  /** Keyphrases kept per section (5). */
  readonly keyphrases?: number;
  /**
   * `learned` (default): cohesion, cue-phrase and speaker evidence per turn weighed by
   * `BOUNDARY_MODEL` (after Galley et al. 2003). `text-tiling`: cohesion valleys alone (Hearst 1997),
   * with the tiling options above.
   */
  readonly method?: 'learned' | 'text-tiling';
  /** The boundary model for `learned` (default `BOUNDARY_MODEL`). */
  readonly model?: BoundaryModel;
}

/**
 * Defaults of `method: 'text-tiling'` (the learned method, the default, uses `BOUNDARY_MODEL`). w = 20, one round of 3-point smoothing and the cut-off mean − σ/2 are Hearst's (1997).
 * Cohesion (GloVe), block size (40 pseudo-sentences ≈ 800 words a side) and the shortest section
 * (2,000 words, ≈ 13 minutes of speech at 150 words a minute) were fitted on the dev half of
 * QMSum's meetings, among settings that give about as many sections as the human annotators did
 * (`node bench/topic-segmentation.mjs --fit`); the bench reports the other, held-out half.
 * Hearst's written-text settings (block 10, boundaries ≥ 3 token-sequences apart) cut a meeting
 * into ~36 sections where people mark ~5.
 */
export const TOPIC_TILING_DEFAULTS: TilingOptions = {
  sentenceWords: 20,
  blockSize: 40,
  smoothingRounds: 1,
  cutoff: 0.5,
  minSectionWords: 2000,
  cohesion: 'embedding',
};

/**
 * Splits a long conversation into titled topic sections, in order, covering every segment.
 * Boundaries at turns, where lexical and GloVe cohesion dip (Hearst 1997; Galley et al. 2003),
 * cue phrases open a turn and the speakers change, weighed by a model fitted on real meetings;
 * fillers and transcription markers ({disfmarker}, {vocalsound}, um, uh) are not words to it.
 * @example segmentTopics(transcript.segments).map((s) => s.title) // ['Kick-off, animal, …', …]
 */
export function segmentTopics(
  segments: readonly Segment[],
  options: SegmentTopicsOptions = {},
): TopicSection[] {
  return segmentTokens(segments, conversationTokens(segments), options);
}

/** `segmentTopics` on segments already tokenised with `conversationTokens` (benchmarks re-use them). */
export function segmentTokens(
  segments: readonly Segment[],
  conversation: ConversationTokens,
  options: SegmentTopicsOptions = {},
): TopicSection[] {
  if (segments.length === 0) return [];
  const tiling: TilingOptions = { ...TOPIC_TILING_DEFAULTS, ...definedOnly(options) };
  const embeddings = options.embeddings !== undefined ? options.embeddings : loadEmbeddings();
  const boundaries = topicBoundaries(segments, conversation, options, tiling, embeddings);

  const starts = [0, ...boundaries.map((b) => b.segment)];
  const depthAt = new Map(boundaries.map((b) => [b.segment, b.depth]));
  const { tokens, segmentStart } = conversation;
  const ranges = starts.map((first, i) => {
    const next = starts[i + 1];
    return [
      segmentStart[first] as number,
      next === undefined ? tokens.length : (segmentStart[next] as number),
    ] as const;
  });
  const phrases = sectionKeyphrases(tokens, ranges, embeddings, options.keyphrases ?? 5);
  return starts.map((first, i) => {
    const last = (starts[i + 1] ?? segments.length) - 1;
    const own = segments.slice(first, last + 1);
    const keyphrases = phrases[i] ?? [];
    return {
      firstSegment: first,
      lastSegment: last,
      start: own.find((s) => s.start !== null)?.start ?? null,
      end: own.findLast((s) => s.end !== null)?.end ?? null,
      title: titleOf(keyphrases),
      keyphrases,
      boundaryDepth: depthAt.get(first) ?? null,
    };
  });
}

function topicBoundaries(
  segments: readonly Segment[],
  conversation: ConversationTokens,
  options: SegmentTopicsOptions,
  tiling: TilingOptions,
  embeddings: Embeddings | null,
): TopicBoundary[] {
  if (options.method === 'text-tiling') return tileConversation(conversation, tiling, embeddings);
  const model = options.model ?? BOUNDARY_MODEL;
  const scores = boundaryScores(boundaryFeatures(segments, conversation, embeddings), model);
  return pickBoundaries(scores, conversation.segmentStart, conversation.tokens.length, model);
}

function definedOnly(options: SegmentTopicsOptions): Partial<TilingOptions> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'sentenceWords',
    'blockSize',
    'smoothingRounds',
    'cutoff',
    'minSectionWords',
    'cohesion',
  ] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}
