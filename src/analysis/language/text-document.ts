import type { Evidence, Question, Response, Segment } from '../../domain/index.js';
import { its, nlp } from './nlp.js';

export interface Token {
  readonly text: string;
  /** Lower-cased text. */
  readonly lower: string;
  readonly lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, VERB, ADP, PRON, …). */
  readonly pos: string;
  /** wink-nlp token type: word, number, punctuation, symbol, email, url, emoji, … */
  readonly type: string;
  /** Character offsets in `AnswerDocument.text`, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly stop: boolean;
  /** True for tokens that count as words (not punctuation, not a clitic like "n't" or "'s"). */
  readonly isWord: boolean;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Token indices, both inclusive. */
  readonly firstToken: number;
  readonly lastToken: number;
  readonly text: string;
  readonly wordCount: number;
}

export interface Entity {
  readonly type: string;
  readonly value: string;
  readonly firstToken: number;
  readonly lastToken: number;
}

interface TimedSpan {
  readonly charStart: number;
  readonly charEnd: number;
  readonly start: number | null;
  readonly end: number | null;
  /** The word's origin when it was heard in the sound rather than recognised (see domain Word). */
  readonly origin?: 'filled pause';
}

/** One answer, tokenised once, with a map from character offsets back to recording times. */
export interface AnswerDocument {
  readonly response: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly wordCount: number;
  /** Seconds from the first word to the last, when the transcript has times. */
  readonly durationSeconds: number | null;
  readonly question: Question | null;
  readonly questionText: string | null;
  /** The interviewer's words just before the answer. */
  readonly promptText: string;
  /** Evidence for a character span of `text`, with times where the transcript has them. */
  evidence(charStart: number, charEnd: number, label?: string): Evidence;
  /** Evidence quoting a whole sentence. */
  sentenceEvidence(sentence: number, label?: string): Evidence;
  /** The times of a filled pause heard in the sound (not recognised) at this character span, if any. */
  heardFilledPause(charStart: number, charEnd: number): { start: number; end: number } | null;
}

const CLITIC = /^(n't|'s|'re|'ll|'ve|'m|'d|’s|’re|’ll|’ve|’m|’d|n’t)$/i;
const WORD_TYPES = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention']);

/**
 * Tokenises an answer with wink-nlp and keeps the link from every character to its time.
 * @example const doc = buildDocument(response); doc.evidence(0, 12).start
 */
export function buildDocument(response: Response): AnswerDocument {
  return buildDocumentFromSegments(response.index, response.segments, {
    question: response.question,
    questionText: response.questionText,
    promptText: response.prompt.map((s) => s.text).join(' '),
  });
}

/** Same as `buildDocument` for callers that hold segments rather than a Response. */
export function buildDocumentFromSegments(
  responseIndex: number,
  segments: readonly Segment[],
  context: { question?: Question | null; questionText?: string | null; promptText?: string } = {},
): AnswerDocument {
  const { text, spans, wordSpans } = joinSegments(segments);
  const doc = nlp.readDoc(text);
  /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp's `its.*` are plain accessor functions passed by design */
  const values = doc.tokens().out(its.value);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const pos = doc.tokens().out(its.pos);
  const types = doc.tokens().out(its.type);
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  const sentenceOf = new Int32Array(values.length);
  sentenceSpans.forEach(([a, b], i) => sentenceOf.fill(i, a, b + 1));

  const tokens: Token[] = new Array<Token>(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    // wink-nlp may normalise some characters; find the token in the source text to keep offsets exact.
    const found = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    const type = types[i] ?? 'word';
    tokens[i] = {
      text: value,
      lower: value.toLowerCase(),
      lemma: lemmas[i] ?? value.toLowerCase(),
      pos: pos[i] ?? 'X',
      type,
      start,
      end: start + value.length,
      sentence: sentenceOf[i] ?? 0,
      stop: stops[i] ?? false,
      isWord: WORD_TYPES.has(type) && !CLITIC.test(value),
    };
    offset = start + value.length;
  }

  const sentences: Sentence[] = sentenceSpans.map(([a, b], index) => {
    const first = tokens[a];
    const last = tokens[b];
    const start = first?.start ?? 0;
    const end = last?.end ?? start;
    let wordCount = 0;
    for (let i = a; i <= b; i++) if (tokens[i]?.isWord) wordCount++;
    return { index, start, end, firstToken: a, lastToken: b, text: text.slice(start, end), wordCount };
  });

  const entityDetails = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  /* eslint-enable @typescript-eslint/unbound-method */
  const entities: Entity[] = entityDetails.map((d, i) => ({
    type: d.type,
    value: d.value,
    firstToken: entitySpans[i]?.[0] ?? 0,
    lastToken: entitySpans[i]?.[1] ?? 0,
  }));

  const wordCount = tokens.reduce((n, t) => n + (t.isWord ? 1 : 0), 0);
  let first = Infinity;
  let last = -Infinity;
  for (const s of [...spans, ...wordSpans]) {
    if (s.start !== null && s.start < first) first = s.start;
    if (s.end !== null && s.end > last) last = s.end;
  }
  const durationSeconds = Number.isFinite(first) && Number.isFinite(last) ? Math.max(0, last - first) : null;

  const timeOf = (charStart: number, charEnd: number): { start: number | null; end: number | null } => {
    for (const list of [wordSpans, spans]) {
      let start: number | null = null;
      let end: number | null = null;
      for (const s of list) {
        if (s.charEnd <= charStart || s.charStart >= charEnd) continue;
        if (s.start !== null && (start === null || s.start < start)) start = s.start;
        if (s.end !== null && (end === null || s.end > end)) end = s.end;
      }
      if (start !== null || end !== null) return { start, end };
    }
    return { start: null, end: null };
  };

  const evidence = (charStart: number, charEnd: number, label?: string): Evidence => {
    const times = timeOf(charStart, charEnd);
    return {
      quote: text.slice(charStart, charEnd).trim(),
      start: times.start,
      end: times.end,
      response: responseIndex,
      ...(label === undefined ? {} : { label }),
    };
  };

  return {
    response: responseIndex,
    text,
    tokens,
    sentences,
    entities,
    wordCount,
    durationSeconds,
    question: context.question ?? null,
    questionText: context.questionText ?? context.question?.text ?? null,
    promptText: context.promptText ?? '',
    evidence,
    heardFilledPause: (charStart, charEnd) => {
      const span = wordSpans.find(
        (s) => s.origin !== undefined && s.charStart < charEnd && s.charEnd > charStart,
      );
      return span?.start != null && span.end != null ? { start: span.start, end: span.end } : null;
    },
    sentenceEvidence: (index, label) => {
      const s = sentences[index];
      return s ? evidence(s.start, s.end, label) : evidence(0, 0, label);
    },
  };
}

function joinSegments(segments: readonly Segment[]): {
  text: string;
  spans: TimedSpan[];
  wordSpans: TimedSpan[];
} {
  const parts: string[] = [];
  const spans: TimedSpan[] = [];
  const wordSpans: TimedSpan[] = [];
  let length = 0;
  for (const segment of segments) {
    const piece = segment.text.trim();
    if (piece === '') continue;
    if (parts.length > 0) {
      parts.push(' ');
      length += 1;
    }
    const charStart = length;
    parts.push(piece);
    length += piece.length;
    spans.push({ charStart, charEnd: length, start: segment.start, end: segment.end });
    if (segment.words) {
      const lower = piece.toLowerCase();
      let cursor = 0;
      for (const word of segment.words) {
        const at = lower.indexOf(word.text.toLowerCase(), cursor);
        if (at < 0) continue;
        cursor = at + word.text.length;
        wordSpans.push({
          charStart: charStart + at,
          charEnd: charStart + cursor,
          start: word.start,
          end: word.end,
          ...(word.origin ? { origin: word.origin } : {}),
        });
      }
    }
  }
  return { text: parts.join(''), spans, wordSpans };
}
