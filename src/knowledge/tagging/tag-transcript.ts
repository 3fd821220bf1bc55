import { DateTime } from 'luxon';
import { CandorError } from '../../core/index.js';
import {
  KNOWLEDGE_TAG_KINDS,
  type Segment,
  type TagDraft,
  type TopicDefinition,
  type TrackedName,
} from '../../domain/index.js';
import { compoundScore } from '../../analysis/language/signals/sentiment.js';
import { loadEmbeddings, type Embeddings } from '../../analysis/language/semantic/index.js';
import {
  buildDocumentFromSegments,
  type AnswerDocument,
  type Sentence,
} from '../../analysis/language/text-document.js';
import { findActionItems } from '../action-items/index.js';
import {
  conversationTokens,
  sectionKeyphrases,
  segmentTokens,
  TOPIC_TILING_DEFAULTS,
  type ConversationTokens,
} from '../segmentation/index.js';
import { findOrganisations } from './organisations.js';
import { PhraseIndex } from './phrase-index.js';
import { nameIndex } from './names.js';
import { questionForm } from './questions.js';
import { judgeable, sentimentLabel } from './sentiment.js';
import { stemKey, stemKeys, topicIndex } from './topics.js';

export interface TagTranscriptOptions {
  /** The workspace taxonomy (`DEFAULT_TOPICS` is a starting set). */
  readonly topics: readonly TopicDefinition[];
  /** Tracked competitors and products. */
  readonly names: readonly TrackedName[];
  /** ISO date of the conversation, to resolve action items' "Friday" to a date. */
  readonly meetingDate?: string | null;
  /**
   * Word vectors for sections and keyphrases: by default the project's GloVe file (loaded once per
   * process); null for none (lexical cohesion, keyphrases weighted within the conversation only).
   */
  readonly embeddings?: Embeddings | null;
}

/** Transcription markers ({disfmarker}, {vocalsound}: QMSum/AMI; [laughter]): not words, not quotes. */
const MARKER = /\{[a-z_]+\}|\[[a-z _-]+\]/gi;
/**
 * Sections only where at least two can exist: segmentation keeps sections at least
 * `TOPIC_TILING_DEFAULTS.minSectionWords` (2,000) words long, fitted on QMSum meetings where people
 * mark sections about that long; a shorter conversation would get one section, its whole self.
 */
const MIN_WORDS_FOR_SECTIONS = 2 * TOPIC_TILING_DEFAULTS.minSectionWords;
/** Keyphrases kept per conversation: a display limit for the suggestion list, not a quality cut. */
const KEYPHRASES_PER_CONVERSATION = 10;
/**
 * "General nouns" (Halliday & Hasan 1976 §6.4: thing, stuff, matter, way, kind …) stand in for
 * other nouns and name no topic, yet are frequent in talk; with fused spoken forms ("dunno",
 * "gonna") and interjections the tokenizer leaves as nouns ("huh"), they are not keyphrases.
 */
const NOT_KEYPHRASES = new Set([
  'thing', 'stuff', 'matter', 'business', 'affair', 'way', 'kind', 'sort', 'type', 'lot', 'bit',
  'bunch', 'place', 'idea', 'question', 'fact', 'point', 'people', 'person', 'guy', 'something',
  'anything', 'everything', 'nothing', 'time', 'moment', 'dunno', 'gonna', 'wanna', 'gotta',
  'kinda', 'sorta', 'huh', 'hmm', 'mm', 'yeah', 'okay',
]); // prettier-ignore
/** A keyphrase must be said at least twice to be "recurring" within the conversation. */
const MIN_KEYPHRASE_MENTIONS = 2;

interface Located {
  readonly quote: string;
  readonly startS: number | null;
  readonly endS: number | null;
}

/**
 * Tags one conversation: topics, tracked competitors and products, sentiment per segment,
 * action items, questions, titled sections of long conversations, recurring keyphrases and
 * capitalised names that look like organisations. Every tag carries the words that justify it,
 * who said them and when. Pure: no database, no network, the same input gives the same tags.
 * @example tagTranscript([{ speaker: 'Ana', start: 3, end: 6, text: 'How much does it cost?' }],
 *   { topics: [{ id: 't1', name: 'pricing', synonyms: ['cost'] }], names: [] })
 *   // [{ kind: 'topic', label: 'pricing', refId: 't1', quote: 'How much does it cost?', … },
 *   //  { kind: 'question', label: 'How much does it cost?', speaker: 'Ana', … }, …]
 */
export function tagTranscript(segments: readonly Segment[], options: TagTranscriptOptions): TagDraft[] {
  checkInput(segments, options);
  if (segments.length === 0) return [];
  const topics = topicIndex(options.topics);
  const names = nameIndex(options.names);
  const clean = segments.map((s) => ({
    ...s,
    text: s.text.replace(MARKER, ' ').replace(/\s+/g, ' ').trim(),
  }));
  const docs = clean.map((s, i) => (s.text === '' ? null : buildDocumentFromSegments(i, [s])));
  if (docs.every((d) => d === null)) return [];

  const tags: TagDraft[] = [];
  const conversation = conversationTokens(clean);
  const embeddings = options.embeddings !== undefined ? options.embeddings : loadEmbeddings();
  const keyphrases = keyphraseIndex(conversation, embeddings);
  const keyphraseHits = new Map<string, { count: number; first: TagDraft }>();

  docs.forEach((doc, position) => {
    if (doc === null) return;
    const speaker = segments[position]?.speaker ?? null;
    const base = { speaker, segmentPosition: position, endPosition: null };
    const words = doc.tokens.filter((t) => t.isWord).map((t) => t.lower);
    if (judgeable(words)) {
      const compound = compoundScore(doc.text);
      const whole = doc.evidence(0, doc.text.length);
      tags.push({
        ...base,
        kind: 'sentiment',
        label: sentimentLabel(compound),
        refId: null,
        quote: whole.quote,
        startS: whole.start,
        endS: whole.end,
        sentiment: compound,
        detail: null,
      });
    }
    for (const sentence of doc.sentences) {
      if (sentence.wordCount === 0) continue;
      const where = locate(doc, sentence);
      let compound: number | null = null;
      const scored = (): number => (compound ??= compoundScore(where.quote));
      const tokens = doc.tokens;
      const from = sentence.firstToken;
      const to = sentence.lastToken + 1;

      const seenTopics = new Set<string>();
      for (const hit of topics.find(tokens, from, to)) {
        if (seenTopics.has(hit.value.id)) continue;
        seenTopics.add(hit.value.id);
        const matched = doc.text.slice(
          (tokens[hit.firstToken] ?? sentence).start,
          (tokens[hit.lastToken] ?? sentence).end,
        );
        tags.push({
          ...base,
          ...where,
          kind: 'topic',
          label: hit.value.name,
          refId: hit.value.id,
          sentiment: scored(),
          detail: { matched },
        });
      }
      const seenNames = new Set<string>();
      for (const hit of names.find(tokens, from, to)) {
        if (seenNames.has(hit.value.id)) continue;
        seenNames.add(hit.value.id);
        const matched = doc.text.slice(
          (tokens[hit.firstToken] ?? sentence).start,
          (tokens[hit.lastToken] ?? sentence).end,
        );
        tags.push({
          ...base,
          ...where,
          kind: hit.value.kind,
          label: hit.value.name,
          refId: hit.value.id,
          sentiment: scored(),
          detail: { matched },
        });
      }
      const form = questionForm(tokens.slice(from, to));
      if (form !== null) {
        tags.push({
          ...base,
          ...where,
          kind: 'question',
          label: where.quote,
          refId: null,
          sentiment: null,
          detail: { form },
        });
      }
      const seenPhrases = new Set<string>();
      for (const hit of keyphrases.find(tokens, from, to)) {
        if (seenPhrases.has(hit.value)) continue;
        seenPhrases.add(hit.value);
        const entry = keyphraseHits.get(hit.value);
        if (entry) entry.count++;
        else
          keyphraseHits.set(hit.value, {
            count: 1,
            first: {
              ...base,
              ...where,
              kind: 'keyphrase',
              label: hit.value,
              refId: null,
              sentiment: null,
              detail: null,
            },
          });
      }
    }
  });

  for (const [phrase, { count, first }] of keyphraseHits) {
    if (count >= MIN_KEYPHRASE_MENTIONS) tags.push({ ...first, label: phrase, detail: { mentions: count } });
  }
  tags.push(...actionItemTags(clean, options.meetingDate ?? null));
  tags.push(...sectionTags(clean, docs, conversation, embeddings));
  tags.push(...organisationTags(segments, docs, names));

  const order = (kind: TagDraft['kind']): number => KNOWLEDGE_TAG_KINDS.indexOf(kind);
  return tags
    .map((tag, i) => ({ tag, i }))
    .sort(
      (a, b) =>
        (a.tag.segmentPosition ?? 0) - (b.tag.segmentPosition ?? 0) ||
        order(a.tag.kind) - order(b.tag.kind) ||
        a.i - b.i,
    )
    .map((x) => x.tag);
}

function locate(doc: AnswerDocument, sentence: Sentence): Located {
  const e = doc.evidence(sentence.start, sentence.end);
  return { quote: e.quote, startS: e.start, endS: e.end };
}

/** The conversation's recurring keyphrases (TF-IDF with general-language rarity), as a stem index. */
function keyphraseIndex(
  conversation: ConversationTokens,
  embeddings: Embeddings | null,
): PhraseIndex<string> {
  const { tokens } = conversation;
  if (tokens.length === 0) return new PhraseIndex<string>([], stemKey);
  // Twice as many candidates as kept, so that dropping general nouns still leaves enough.
  const [candidates = []] = sectionKeyphrases(
    tokens,
    [[0, tokens.length]],
    embeddings,
    2 * KEYPHRASES_PER_CONVERSATION,
  );
  // "design" and "designer" share a stem, so they would tag the same words: the better one stays.
  const specs = new Map<string, { value: string; keys: string[] }>();
  for (const phrase of candidates) {
    if (phrase.split(' ').some((w) => NOT_KEYPHRASES.has(w))) continue;
    const keys = stemKeys(phrase);
    const key = keys.join(' ');
    if (keys.length > 0 && !specs.has(key)) specs.set(key, { value: phrase, keys });
    if (specs.size >= KEYPHRASES_PER_CONVERSATION) break;
  }
  return new PhraseIndex([...specs.values()], stemKey);
}

function actionItemTags(segments: readonly Segment[], meetingDate: string | null): TagDraft[] {
  return findActionItems(segments, { meetingDate }).map((item) => ({
    kind: 'action_item',
    label: item.quote,
    refId: null,
    quote: item.quote,
    speaker: item.speaker,
    startS: item.start,
    endS: item.end,
    segmentPosition: item.segment,
    endPosition: null,
    sentiment: null,
    detail: { actionKind: item.kind, owner: item.owner, ownerRole: item.ownerRole, due: item.due },
  }));
}

function sectionTags(
  segments: readonly Segment[],
  docs: readonly (AnswerDocument | null)[],
  conversation: ConversationTokens,
  embeddings: Embeddings | null,
): TagDraft[] {
  if (conversation.tokens.length < MIN_WORDS_FOR_SECTIONS) return [];
  const sections = segmentTokens(segments, conversation, { embeddings });
  if (sections.length < 2) return [];
  return sections.map((section) => {
    const firstDoc = docs.slice(section.firstSegment, section.lastSegment + 1).find((d) => d !== null);
    const sentence = firstDoc?.sentences.find((s) => s.wordCount > 0);
    const quote = firstDoc && sentence ? locate(firstDoc, sentence).quote : '';
    return {
      kind: 'section',
      label: section.title,
      refId: null,
      quote,
      speaker: segments[section.firstSegment]?.speaker ?? null,
      startS: section.start,
      endS: section.end,
      segmentPosition: section.firstSegment,
      endPosition: section.lastSegment,
      sentiment: null,
      detail: { keyphrases: section.keyphrases, boundaryDepth: section.boundaryDepth },
    };
  });
}

function organisationTags(
  segments: readonly Segment[],
  docs: readonly (AnswerDocument | null)[],
  names: PhraseIndex<TrackedName>,
): TagDraft[] {
  const present = docs.filter((d): d is AnswerDocument => d !== null);
  const speakerWords = new Set<string>();
  for (const s of segments)
    for (const w of (s.speaker ?? '').toLowerCase().split(/[^\p{L}\p{N}'-]+/u))
      if (w !== '') speakerWords.add(w);
  const isTracked = (name: string): boolean =>
    names.find(buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text: name }]).tokens)
      .length > 0;
  return findOrganisations(present, speakerWords, isTracked).map((org) => {
    const doc = present[org.doc] as AnswerDocument;
    const sentence = doc.sentences[org.sentence] as Sentence;
    const where = locate(doc, sentence);
    return {
      kind: 'organisation',
      label: org.name,
      refId: null,
      ...where,
      speaker: segments[doc.response]?.speaker ?? null,
      segmentPosition: doc.response,
      endPosition: null,
      sentiment: null,
      detail: { mentions: org.mentions },
    };
  });
}

function checkInput(segments: readonly Segment[], options: TagTranscriptOptions): void {
  if (!Array.isArray(segments))
    throw new CandorError('TRANSCRIPT_INVALID', 'segments must be an array of segments');
  (segments as readonly unknown[]).forEach((s, i) => {
    if (typeof (s as { text?: unknown } | null)?.text !== 'string')
      throw new CandorError('TRANSCRIPT_INVALID', `segment ${i + 1}: text must be a string`, { segment: i });
  });
  if (!Array.isArray(options?.topics))
    throw new CandorError('VALIDATION_FAILED', 'options.topics must be an array', { field: 'topics' });
  if (!Array.isArray(options.names))
    throw new CandorError('VALIDATION_FAILED', 'options.names must be an array', { field: 'names' });
  const date = options.meetingDate;
  if (date !== undefined && date !== null && !DateTime.fromISO(date).isValid)
    throw new CandorError(
      'VALIDATION_FAILED',
      `meetingDate ${JSON.stringify(date)} is not an ISO date (yyyy-mm-dd)`,
      {
        field: 'meetingDate',
      },
    );
}
