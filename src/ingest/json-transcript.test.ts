import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonTranscript } from './json-transcript.js';
import { errorOf, expectInvalidAt, fixture } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const QMSUM = fileURLToPath(
  new URL('../../../shared/data/meetings-qmsum/Product/ES2002a.json', import.meta.url),
);
const qmsumIt = requires(need.sharedData('meetings-qmsum/Product/ES2002a.json')).it;

describe("parseJsonTranscript: Candor's format", () => {
  it('reads segments, word timings and metadata', () => {
    const t = parseJsonTranscript(fixture('interview.json'));
    expect(t.format).toBe('json');
    expect(t.meta).toEqual({
      title: 'Backend engineer, onsite round 1',
      candidate: 'Daniel Okafor',
      interviewers: ['Priya Raman'],
      kind: 'live',
    });
    expect(t.segments[0]).toEqual({
      speaker: 'Priya Raman',
      start: 0.5,
      end: 4.2,
      text: 'Tell me about a time you disagreed with a teammate.',
      line: 8,
    });
    expect(t.segments[1]?.words).toHaveLength(8);
    expect(t.segments[1]?.words?.[3]).toEqual({ text: 'job,', start: 5.2, end: 5.4 });
    expect(t.segments[1]?.line).toBe(14);
  });

  it('accepts a bare array of segments, missing times and a null speaker', () => {
    const t = parseJsonTranscript(
      '[{"speaker": null, "text": "  I led the   migration. "}, {"speaker": "Ann", "start": 3, "text": "Why?"}]',
    );
    expect(t.segments).toEqual([
      { speaker: null, start: null, end: null, text: 'I led the migration.', line: 1 },
      { speaker: 'Ann', start: 3, end: null, text: 'Why?', line: 1 },
    ]);
    expect(t.meta).toBeUndefined();
  });

  it("accepts Whisper's JSON output (no speaker, words with `word`)", () => {
    const whisper = JSON.stringify({
      text: ' And so my fellow Americans',
      segments: [
        {
          id: 0,
          seek: 0,
          start: 0,
          end: 2.5,
          text: ' And so my fellow Americans',
          words: [{ word: ' And', start: 0, end: 0.3, probability: 0.9 }],
        },
      ],
      language: 'en',
    });
    const t = parseJsonTranscript(whisper);
    expect(t.segments[0]).toMatchObject({
      speaker: null,
      start: 0,
      end: 2.5,
      text: 'And so my fellow Americans',
      words: [{ text: 'And', start: 0, end: 0.3 }],
    });
  });

  it('names the JSON path and the line of a bad value', () => {
    const text =
      '{\n  "version": 1,\n  "segments": [\n    { "speaker": "Ann", "start": 1, "end": 2, "text": "a" },\n    {\n      "speaker": "Bob",\n      "start": 4,\n      "end": 3,\n      "text": "b"\n    }\n  ]\n}';
    const error = expectInvalidAt(
      () => parseJsonTranscript(text, { file: 'x.json' }),
      8,
      'segments[1].end: expected a number ≥ start, found 3',
    );
    expect(error.details).toEqual({ field: 'segments[1].end', line: 8, file: 'x.json' });
  });

  it('reports a missing field at its segment, a wrong type, a bad version and an unknown kind', () => {
    expectInvalidAt(
      () => parseJsonTranscript('{"segments": [\n{"speaker": "Ann"}\n]}'),
      2,
      'segments[0].text: missing; expected the spoken text as a string',
    );
    expectInvalidAt(
      () => parseJsonTranscript('{"segments": [\n{"speaker": 7, "text": "x"}]}'),
      2,
      'segments[0].speaker: expected a string or null, found 7',
    );
    expectInvalidAt(() => parseJsonTranscript('{\n"version": 2,\n"segments": []}'), 2, 'version: expected 1');
    expectInvalidAt(
      () => parseJsonTranscript('{"kind": "panel", "segments": []}'),
      1,
      'kind: expected one of async, live',
    );
  });

  it('rejects a candidate who is not one of the speakers', () => {
    expectInvalidAt(
      () => parseJsonTranscript('{"candidate": "Bobby", "segments": [{"speaker": "Bob", "text": "hi"}]}'),
      1,
      'candidate: expected one of the segment speakers (Bob), found "Bobby"',
    );
  });

  it('gives the line of a JSON syntax error', () => {
    expectInvalidAt(
      () => parseJsonTranscript('{\n  "segments": [\n    {"text": "a"},\n  ]\n}'),
      4,
      'expected a value',
    );
    expectInvalidAt(
      () => parseJsonTranscript('{\n  "segments": [\n    {"text": "a"}\n'),
      4,
      'found the end of the file',
    );
  });

  it('rejects JSON that is no transcript, and one without words', () => {
    expectInvalidAt(() => parseJsonTranscript('{"utterances": []}'), 1, 'expected an object with "segments"');
    const error = errorOf(() => parseJsonTranscript('{"segments": [{"text": "   "}]}'));
    expect(error.message).toContain('no spoken text');
  });
});

describe('the documented example', () => {
  it('parses the JSON example in docs/transcript-format.md', () => {
    const doc = readFileSync(
      fileURLToPath(new URL('../../docs/transcript-format.md', import.meta.url)),
      'utf8',
    );
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const t = parseJsonTranscript(example ?? '');
    expect(t.meta?.candidate).toBe('Daniel Okafor');
    expect(t.segments[1]?.words).toHaveLength(2);
  });
});

describe('parseJsonTranscript: QMSum meetings', () => {
  qmsumIt('imports a real AMI meeting from QMSum (ES2002a)', () => {
    const raw = readFileSync(QMSUM, 'utf8');
    const turns = (JSON.parse(raw) as { meeting_transcripts: { speaker: string; content: string }[] })
      .meeting_transcripts;
    const t = parseJsonTranscript(raw, { file: QMSUM });
    expect(new Set(t.segments.map((s) => s.speaker))).toEqual(
      new Set(['Project Manager', 'Marketing', 'Industrial Designer', 'User Interface']),
    );
    // 31 of the 287 turns are nothing but "{vocalsound}" (laughter): those are dropped, the rest kept.
    const spoken = turns.filter((turn) => turn.content.replace(/\{\w+\}/g, '').trim() !== '');
    expect(turns.length - spoken.length).toBeGreaterThan(0);
    expect(t.segments).toHaveLength(spoken.length);
    expect(raw).toContain('{vocalsound}');
    expect(t.segments.some((s) => /\{[a-z]+\}/i.test(s.text))).toBe(false);
    expect(t.segments.some((s) => /\s{2}|\s[.,?!]/.test(s.text))).toBe(false);
    expect(t.segments[0]?.text).toBe(
      "Okay Right Um well this is the kick-off meeting for our our project. Um and um this is just what we're gonna be doing over the next twenty five minutes. Um so first of all, just to kind of make sure that we all know each other,",
    );
    expect(t.segments[0]?.line).toBeGreaterThan(1);
  });

  it('strips every {marker} and rejoins clitics in a QMSum turn', () => {
    const t = parseJsonTranscript(
      '{"meeting_transcripts": [{"speaker": "Grad A", "content": "OK , we \'re on {disfmarker} {gap} right {nonvocalsound} ?"}, {"speaker": "Grad B", "content": "{vocalsound}"}]}',
    );
    expect(t.segments).toEqual([
      { speaker: 'Grad A', start: null, end: null, text: "OK, we're on right?", line: 1 },
    ]);
  });
});
