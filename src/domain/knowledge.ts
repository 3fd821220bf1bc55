/**
 * The interview knowledge base's tags (issue 16): what the tagger finds in a conversation, each
 * with the words that justify it. Stored in `knowledge_tag` (migration 0023).
 */

/** Every kind of tag, in the order a page lists them. Migration 0023's check holds the same list. */
export const KNOWLEDGE_TAG_KINDS = [
  'topic',
  'competitor',
  'product',
  'sentiment',
  'action_item',
  'question',
  'section',
  'keyphrase',
  'organisation',
] as const;

/**
 * - `topic`: a workspace taxonomy topic matched by its name or a synonym; `label` the topic name.
 * - `competitor` / `product`: a tracked name or one of its aliases; `label` the name.
 * - `sentiment`: one per segment; `label` positive | neutral | negative, `sentiment` the score.
 * - `action_item`: a commitment or request; `label` the sentence, detail owner/due.
 * - `question`: a question asked; `label` the question, `speaker` who asked.
 * - `section`: a titled stretch of a long conversation; `label` the title.
 * - `keyphrase`: a recurring phrase, raw material for suggested topics.
 * - `organisation`: a capitalised name that looks like an organisation, for review.
 */
export type KnowledgeTagKind = (typeof KNOWLEDGE_TAG_KINDS)[number];

/** Sentiment labels of `sentiment` tags. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** What the tagger finds; the store adds ids, the workspace, the interview and times. */
export interface TagDraft {
  readonly kind: KnowledgeTagKind;
  /** What a person reads and filters on (see KnowledgeTagKind). */
  readonly label: string;
  /** The topic's or tracked name's id; null for the other kinds. */
  readonly refId: string | null;
  /** The words that justify the tag, as said. */
  readonly quote: string;
  readonly speaker: string | null;
  /** Seconds from the start of the recording; null without timings. */
  readonly startS: number | null;
  readonly endS: number | null;
  /** 0-based position of the (first) transcript segment. */
  readonly segmentPosition: number | null;
  /** Last segment of a section; null for the other kinds. */
  readonly endPosition: number | null;
  /** VADER compound score of the quote, −1..1; null where not measured. */
  readonly sentiment: number | null;
  /** Kind-specific facts, JSON-serialisable (an action item's owner and due date…). */
  readonly detail: Readonly<Record<string, unknown>> | null;
}

/** A topic of a workspace's taxonomy. */
export interface TopicDefinition {
  readonly id: string;
  readonly name: string;
  /** Words and phrases that count as the topic ("pricing" ← price, cost, expensive, budget). */
  readonly synonyms: readonly string[];
}

export type TrackedNameKind = 'competitor' | 'product';

/** A competitor or product a workspace tracks. */
export interface TrackedName {
  readonly id: string;
  readonly kind: TrackedNameKind;
  readonly name: string;
  readonly aliases: readonly string[];
}
