/** Request and response shapes of the knowledge routes (topics, tracked names, tags), for OpenAPI. */
import { z } from 'zod';
import { KNOWLEDGE_TAG_KINDS } from '../../../domain/index.js';
import type { KnowledgeTagRecord, TopicRecord, TrackedNameRecord } from '../../../store/index.js';
import { MAX_TERMS, MAX_TERM_LENGTH, TRACKED_NAME_KINDS } from '../../../store/index.js';

/**
 * Loose bounds on the request only; the store checks each synonym and alias and names the one
 * that is wrong (`synonyms[2]: expected a non-empty word or phrase`).
 */
const Name = z.string().max(10 * MAX_TERM_LENGTH);
const Terms = z.array(z.string().max(10 * MAX_TERM_LENGTH)).max(10 * MAX_TERMS);

export const TopicBody = z.object({
  name: Name.describe(`the topic, at most ${MAX_TERM_LENGTH} characters; unique ignoring case and accents`),
  synonyms: Terms.optional().describe(
    `words and phrases that count as the topic, each at most ${MAX_TERM_LENGTH} characters, at most ${MAX_TERMS}`,
  ),
});
export const TopicPatch = TopicBody.partial();

export const TrackedNameKindSchema = z.enum(TRACKED_NAME_KINDS);
export const TrackedNameBody = z.object({
  kind: TrackedNameKindSchema,
  name: Name.describe(
    `at most ${MAX_TERM_LENGTH} characters; unique in the workspace ignoring case and accents`,
  ),
  aliases: Terms.optional().describe(
    `other spellings, each at most ${MAX_TERM_LENGTH} characters, at most ${MAX_TERMS}`,
  ),
});
export const TrackedNamePatch = TrackedNameBody.partial();

export const TopicView = z
  .object({
    id: z.string(),
    name: z.string(),
    synonyms: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KnowledgeTopic' });

export const TrackedNameView = z
  .object({
    id: z.string(),
    kind: TrackedNameKindSchema,
    name: z.string(),
    aliases: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TrackedName' });

export const Suggestion = z
  .object({
    label: z.string(),
    interviews: z.number().int().describe('distinct interviews it was found in'),
  })
  .meta({ id: 'KnowledgeSuggestion' });

export const SuggestionQuery = z.object({
  minInterviews: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(3)
    .describe('found in at least this many interviews (default 3)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TagView = z
  .object({
    id: z.string(),
    kind: z.enum(KNOWLEDGE_TAG_KINDS),
    label: z.string(),
    refId: z.string().nullable().describe("the topic's or tracked name's id"),
    quote: z.string().describe('the words that justify the tag, as said'),
    speaker: z.string().nullable(),
    startS: z.number().nullable(),
    endS: z.number().nullable(),
    segmentPosition: z.number().int().nullable().describe('0-based transcript segment'),
    endPosition: z.number().int().nullable().describe("a section's last segment"),
    sentiment: z.number().nullable().describe('VADER compound score of the quote, -1..1'),
    detail: z.record(z.string(), z.unknown()).nullable(),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'KnowledgeTag' });

export function toTopicView(t: TopicRecord): z.infer<typeof TopicView> {
  return {
    id: t.id,
    name: t.name,
    synonyms: [...t.synonyms],
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export function toTrackedNameView(n: TrackedNameRecord): z.infer<typeof TrackedNameView> {
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    aliases: [...n.aliases],
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export function toTagView(t: KnowledgeTagRecord): z.infer<typeof TagView> {
  return {
    id: t.id,
    kind: t.kind,
    label: t.label,
    refId: t.refId,
    quote: t.quote,
    speaker: t.speaker,
    startS: t.startS,
    endS: t.endS,
    segmentPosition: t.segmentPosition,
    endPosition: t.endPosition,
    sentiment: t.sentiment,
    detail: t.detail === null ? null : { ...t.detail },
    occurredAt: t.occurredAt,
    createdAt: t.createdAt,
  };
}
