import type { Segment } from '../../domain/index.js';
import { nlp, its } from '../../analysis/language/nlp.js';
import { contentTerm } from '../../analysis/language/semantic/index.js';

/** One counted word of the conversation. */
export interface ConversationToken {
  /** Index of the transcript segment (turn) the word belongs to. */
  readonly segment: number;
  /** Lower-case lemma when the word is a content word, else null (stop word, number, clitic). */
  readonly term: string | null;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, ADJ, VERB, …). */
  readonly pos: string;
  /** The word as said, lower-case ("okay", "thank"): cue phrases are read from it. */
  readonly word: string;
}

/** The words of a conversation in order, and where each segment starts among them. */
export interface ConversationTokens {
  readonly tokens: readonly ConversationToken[];
  /** `segmentStart[i]` = index of the first token of segment i (= the next segment's if it has none). */
  readonly segmentStart: readonly number[];
}

/**
 * Transcription markers ({disfmarker}, {vocalsound}, {gap}: QMSum / AMI / ICSI; [laughter],
 * [inaudible]: common caption styles). They are not words and must not count as any.
 */
const MARKER = /\{[a-z_]+\}|\[[a-z _-]+\]/gi;
/** Filled pauses and back-channels (Clark & Fox Tree 2002): not words for segmentation purposes. */
const FILLER = /^(?:u+h+|u+m+|u+h+m+|h+m+|m+|m+h+m+|mm-hmm|uh-huh|uh-oh|e+r+m*|a+h+|o+h+|e+h+)$/;

/** Discourse markers and greetings that wink-nlp tags as content words but that name no topic. */
const DISCOURSE = new Set([
  'alright',
  'kay',
  'ok',
  'okay',
  'yeah',
  'yep',
  'nope',
  'gosh',
  'wow',
  'hey',
  'hi',
  'bye',
]);

/** A content term for topic purposes: not a lone letter, a clitic form ("i'm") or a discourse marker. */
function topicTerm(term: string | null): string | null {
  if (term === null || term.length < 2 || term.includes("'") || DISCOURSE.has(term)) return null;
  return term;
}

/**
 * Tokenises every segment with wink-nlp, dropping markers and fillers, keeping lemmas of content
 * words (the "lemmatised content words" TextTiling compares; Hearst 1997 §5.1 uses a stop list and
 * morphological analysis).
 * @example conversationTokens([{ speaker: 'A', start: 0, end: 2, text: 'Um, budgets {vocalsound} matter.' }]).tokens.length // 2
 */
export function conversationTokens(segments: readonly Segment[]): ConversationTokens {
  const tokens: ConversationToken[] = [];
  const segmentStart: number[] = [];
  segments.forEach((segment, index) => {
    segmentStart.push(tokens.length);
    const text = segment.text.replace(MARKER, ' ').trim();
    if (text === '') return;
    const doc = nlp.readDoc(text);
    /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp's `its.*` are plain accessor functions passed by design */
    const values = doc.tokens().out(its.value);
    const types = doc.tokens().out(its.type);
    const pos = doc.tokens().out(its.pos);
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
    const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
    /* eslint-enable @typescript-eslint/unbound-method */
    for (let i = 0; i < values.length; i++) {
      const type = types[i] ?? 'word';
      if (type !== 'word' && type !== 'number') continue;
      const lower = (values[i] ?? '').toLowerCase();
      if (FILLER.test(lower) || /^['’]/.test(lower) || lower === "n't") continue;
      const term = contentTerm({
        lower,
        lemma: lemmas[i] ?? lower,
        type,
        stop: stops[i] ?? false,
        isWord: true,
      });
      // A lone letter is a spelled-out acronym piece or a cut-off word ("a p as a function").
      tokens.push({
        segment: index,
        term: topicTerm(term),
        pos: pos[i] ?? 'X',
        word: lower,
      });
    }
  });
  return { tokens, segmentStart };
}
