import type { z } from 'zod';
import { CandorError } from '../core/index.js';
import type { Segment, Transcript } from '../domain/index.js';
import { findJsonSyntaxProblem } from './json-syntax.js';
import { formatJsonPath, jsonChildLines, jsonPathLine, type JsonPath } from './json-locate.js';
import {
  BareSegmentsSchema,
  JsonTranscriptSchema,
  QmsumSchema,
  type JsonSegment,
  type JsonTranscript,
} from './json-schema.js';
import { cleanQmsumContent } from './qmsum.js';
import { invalidAt, invalidFile, isBlank, normalizeSpace, type ParseOptions } from './source-text.js';

/**
 * Parses a JSON transcript: Candor's format (`{ "version": 1, "segments": [...] }`, see
 * docs/transcript-format.md), a bare array of segments, Whisper's JSON output, or a QMSum meeting
 * (`{ "meeting_transcripts": [{ "speaker", "content" }] }`, annotation markers such as
 * `{vocalsound}` removed). Validation errors name the JSON path and the line.
 *
 * @throws CandorError TRANSCRIPT_INVALID, e.g. `line 9: segments[1].end: expected a number ≥ start, found 2`
 * @example
 * parseJsonTranscript('{"version":1,"segments":[{"speaker":"Ann","start":0,"end":2,"text":"Hi."}]}').segments[0].text // "Hi."
 */
export function parseJsonTranscript(content: string, options: ParseOptions = {}): Transcript {
  if (isBlank(content)) throw invalidFile('file is empty', options);
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const data = parseJson(text, options);

  if (Array.isArray(data)) {
    const segments = validate(BareSegmentsSchema, data, text, options);
    return { format: 'json', segments: toSegments(segments, jsonChildLines(text, []), options) };
  }
  if (isObject(data) && 'meeting_transcripts' in data && !('segments' in data)) {
    const meeting = validate(QmsumSchema, data, text, options);
    const lines = jsonChildLines(text, ['meeting_transcripts']);
    const turns = meeting.meeting_transcripts.map((turn) => ({
      speaker: turn.speaker,
      text: cleanQmsumContent(turn.content),
    }));
    return { format: 'json', segments: toSegments(turns, lines, options) };
  }
  if (isObject(data) && 'segments' in data) {
    const doc = validate(JsonTranscriptSchema, data, text, options);
    const segments = toSegments(doc.segments, jsonChildLines(text, ['segments']), options);
    checkCandidate(doc, segments, text, options);
    const meta = metaOf(doc);
    return meta ? { format: 'json', segments, meta } : { format: 'json', segments };
  }
  const found = isObject(data)
    ? `an object with the keys ${Object.keys(data).slice(0, 5).join(', ') || '(none)'}`
    : describe(data);
  throw invalidAt(
    firstContentLine(text),
    `expected an object with "segments" (Candor's format) or "meeting_transcripts" (QMSum), or an array of segments; found ${found}`,
    options,
  );
}

function parseJson(text: string, options: ParseOptions): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    let problem: ReturnType<typeof findJsonSyntaxProblem> = null;
    try {
      problem = findJsonSyntaxProblem(text);
    } catch {
      // A pathological input (a multi-megabyte string) can exhaust the regex backtrack stack; the
      // message below still says what is wrong, only without the line.
    }
    if (problem)
      throw invalidAt(
        problem.line,
        `expected ${problem.expected} in the JSON, found ${problem.found}`,
        options,
      );
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidFile(`not valid JSON: ${reason}`, options);
  }
}

function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  text: string,
  options: ParseOptions,
): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues[0];
  if (!issue) throw invalidFile('invalid JSON transcript', options);
  const value = valueAt(data, issue.path);
  let message = issue.message;
  if (value === undefined && issue.code === 'invalid_type') message = `missing; ${message}`;
  else if (issue.code !== 'custom' || issue.path[issue.path.length - 1] === 'end')
    message += `, found ${describe(value)}`;
  if (issues.length > 1) message += ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`;
  throw pathError(text, issue.path, message, options);
}

function pathError(text: string, path: JsonPath, message: string, options: ParseOptions): CandorError {
  const field = formatJsonPath(path);
  const line = jsonPathLine(text, path);
  const details: Record<string, unknown> = { field };
  if (line !== undefined) details.line = line;
  if (options.file !== undefined) details.file = options.file;
  const where = line === undefined ? '' : `line ${line}: `;
  return new CandorError('TRANSCRIPT_INVALID', `${where}${field}: ${message}`, details);
}

function toSegments(
  input: readonly JsonSegment[],
  lines: ReadonlyMap<string | number, number>,
  options: ParseOptions,
): Segment[] {
  const segments: Segment[] = [];
  input.forEach((raw, index) => {
    const words = raw.words?.map((word) => ({
      text: (word.text ?? word.word ?? '').trim(),
      start: word.start,
      end: word.end,
    }));
    const text = normalizeSpace(raw.text ?? words?.map((word) => word.text).join(' ') ?? '');
    if (text === '') return;
    const speaker = raw.speaker?.trim() || null;
    const line = lines.get(index);
    const segment: { -readonly [K in keyof Segment]: Segment[K] } = {
      speaker,
      start: raw.start ?? null,
      end: raw.end ?? null,
      text,
    };
    if (words) segment.words = words;
    if (line !== undefined) segment.line = line;
    segments.push(segment);
  });
  if (segments.length === 0)
    throw invalidFile('no spoken text: every segment of the JSON transcript is empty', options);
  return segments;
}

function checkCandidate(
  doc: JsonTranscript,
  segments: readonly Segment[],
  text: string,
  options: ParseOptions,
): void {
  if (doc.candidate === undefined) return;
  const speakers = [...new Set(segments.map((s) => s.speaker).filter((s): s is string => s !== null))];
  if (speakers.includes(doc.candidate.trim())) return;
  const list =
    speakers.length > 0
      ? `one of the segment speakers (${speakers.slice(0, 8).join(', ')})`
      : 'a segment speaker, but no segment names its speaker';
  throw pathError(text, ['candidate'], `expected ${list}, found ${JSON.stringify(doc.candidate)}`, options);
}

function metaOf(doc: JsonTranscript): Transcript['meta'] {
  const meta = {
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(doc.candidate !== undefined ? { candidate: doc.candidate.trim() } : {}),
    ...(doc.interviewers !== undefined ? { interviewers: doc.interviewers.map((name) => name.trim()) } : {}),
    ...(doc.kind !== undefined ? { kind: doc.kind } : {}),
  };
  return Object.keys(meta).length > 0 ? meta : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

function firstContentLine(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length && /\s/.test(text.charAt(i)); i += 1)
    if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
