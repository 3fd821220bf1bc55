/**
 * Tags one stored interview for the knowledge base (issue 16, part 2): reads its transcript, its
 * workspace's topics (seeding the defaults into a workspace that has none) and tracked names,
 * runs the tagger, and stores what it found in place of the interview's earlier tags, with the
 * `knowledge.tags` webhook queued in the same transaction when a URL is configured.
 */
import type { Segment, TagDraft, TopicDefinition, TrackedName } from '../domain/index.js';
import { DEFAULT_TOPICS, tagTranscript } from '../knowledge/index.js';
import type { KnowledgeTagRecord, NewTopic, Store } from '../store/index.js';

/** What the tagger is told besides the segments. */
export interface TaggerContext {
  readonly topics: readonly TopicDefinition[];
  readonly names: readonly TrackedName[];
  /** When the conversation happened (ISO-8601 UTC): what relative due dates count from. */
  readonly meetingDate: string;
}

/** `tagTranscript` of src/knowledge/tagging, or any function of the same shape. */
export type Tagger = (
  segments: readonly Segment[],
  context: TaggerContext,
) => readonly TagDraft[] | Promise<readonly TagDraft[]>;

export interface TagInterviewOptions {
  /** Topics a workspace starts with when it has none yet (added once, see `seedTopics`). */
  readonly defaultTopics?: readonly NewTopic[];
  /** CANDOR_KNOWLEDGE_WEBHOOK_URL: where the new tags are posted; none queued without it. */
  readonly webhookUrl?: string | null;
}

/**
 * @throws CandorError NOT_FOUND for an unknown interview
 * @example const tags = await tagInterview(store, interview.id, tagTranscript, { defaultTopics, webhookUrl })
 */
export async function tagInterview(
  store: Store,
  interviewId: string,
  tagger: Tagger,
  options: TagInterviewOptions = {},
): Promise<KnowledgeTagRecord[]> {
  const interview = await store.interviews.get(interviewId);
  const { segments } = await store.analyses.getTranscript(interviewId);
  const stored =
    options.defaultTopics === undefined || options.defaultTopics.length === 0
      ? await store.knowledge.topics.list(interview.workspaceId)
      : await store.knowledge.seedTopics(interview.workspaceId, options.defaultTopics);
  const names = await store.knowledge.names.list(interview.workspaceId);
  const drafts = await tagger(
    segments.map((s) => ({
      speaker: s.speaker,
      start: s.start,
      end: s.end,
      text: s.text,
      ...(s.words === undefined ? {} : { words: s.words }),
    })),
    {
      topics: stored.map((t) => ({ id: t.id, name: t.name, synonyms: t.synonyms })),
      names: names.map((n) => ({ id: n.id, kind: n.kind, name: n.name, aliases: n.aliases })),
      meetingDate: interview.occurredAt,
    },
  );
  return store.knowledge.replaceTags(interviewId, drafts, { webhookUrl: options.webhookUrl ?? null });
}

/**
 * Tags with Candor's own tagger (src/knowledge/tagging) and its starting taxonomy: what an import,
 * an analysis and `candor tag` run. Practice interviews stay out of the knowledge base (they are a
 * student's own): null for them, nothing stored.
 * @throws CandorError NOT_FOUND for an unknown interview
 * @example await tagStoredInterview(store, interview.id, { webhookUrl: loadKnowledgeConfig(env).webhookUrl })
 */
export async function tagStoredInterview(
  store: Store,
  interviewId: string,
  options: {
    readonly webhookUrl?: string | null;
    /** `tagTranscript` by default; a server passes `tagInThread`, the same in a worker thread. */
    readonly tagger?: Tagger;
  } = {},
): Promise<KnowledgeTagRecord[] | null> {
  const interview = await store.interviews.get(interviewId);
  if (interview.kind === 'practice') return null;
  return tagInterview(store, interviewId, options.tagger ?? tagTranscript, {
    defaultTopics: DEFAULT_TOPICS,
    webhookUrl: options.webhookUrl ?? null,
  });
}
