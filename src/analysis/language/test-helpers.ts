import type { Segment } from '../../domain/index.js';
import { buildDocumentFromSegments, type AnswerDocument } from './text-document.js';

/** A document from plain text (one untimed segment), for tests. */
export function docFromText(text: string, question: string | null = null): AnswerDocument {
  const segment: Segment = { speaker: null, start: null, end: null, text };
  return buildDocumentFromSegments(0, [segment], { questionText: question });
}

/** A document from timed segments, for tests. */
export function docFromSegments(segments: readonly Segment[]): AnswerDocument {
  return buildDocumentFromSegments(0, segments);
}
