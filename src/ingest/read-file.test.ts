import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { readTranscriptFile } from './read-file.js';
import { fixture } from './test-helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'candor-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<CandorError> {
  const error: unknown = await promise.then(
    () => new Error('expected the read to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CandorError);
  return error as CandorError;
}

describe('readTranscriptFile', () => {
  it('reads and parses a transcript file by its extension', async () => {
    const t = await readTranscriptFile(write('interview.vtt', fixture('zoom.vtt')));
    expect(t.format).toBe('vtt');
    expect(t.segments).toHaveLength(6);
  });

  it('reports a missing file as FILE_UNREADABLE with the path', async () => {
    const missing = path.join(dir, 'nope.vtt');
    const error = await failure(readTranscriptFile(missing));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toBe(`cannot read ${missing}: no such file`);
    expect(error.details.file).toBe(missing);
  });

  it('reports a folder as FILE_UNREADABLE', async () => {
    const error = await failure(readTranscriptFile(dir));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('is a folder');
  });

  it('rejects a file over the limit with FILE_TOO_LARGE, size and limit', async () => {
    const file = write('big.txt', `Ann: ${'word '.repeat(400)}`);
    const error = await failure(readTranscriptFile(file, { maxBytes: 1024 }));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.details).toEqual({ file, size: 2005, limit: 1024 });
    expect(error.message).toBe(`${file} is 2 KiB, larger than the 1 KiB limit for a transcript`);
  });

  it('rejects an empty and a whitespace-only file as "file is empty"', async () => {
    for (const content of ['', ' \n\r\n\t ']) {
      const error = await failure(readTranscriptFile(write('empty.txt', content)));
      expect(error.code).toBe('TRANSCRIPT_INVALID');
      expect(error.message).toBe('file is empty');
    }
  });

  it('refuses a PNG image, naming it and what Candor accepts', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await failure(readTranscriptFile(write('photo.txt', png)));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toMatch(
      /photo\.txt is a PNG image, not a recording or a transcript: Candor accepts WAV, FLAC/,
    );
    expect(error.details.fileType).toBe('png');
  });

  it('rejects text with a NUL byte, naming the byte', async () => {
    const bytes = Buffer.concat([Buffer.from('WEBVTT\n\n'), Buffer.from([0x00, 0x13, 0x7f, 0x00])]);
    const error = await failure(readTranscriptFile(write('odd.vtt', bytes)));
    expect(error.message.startsWith('not a text transcript: binary content at byte 8')).toBe(true);
  });

  it('rejects a Latin-1 file past the first 8 KiB with the line of the bad byte', async () => {
    const head = `Ann: ${'a'.repeat(9000)}\nBob: `;
    const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]); // "café" in Latin-1
    const error = await failure(readTranscriptFile(write('latin1.txt', bytes)));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.details).toMatchObject({ line: 2, byte: head.length + 3 });
    expect(error.message).toMatch(/^line 2: expected UTF-8 text/);
  });

  it('reads a UTF-16 file written by Windows Notepad', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Interviewer: Why?\r\nCandidate: Because.\r\n', 'utf16le'),
    ]);
    const t = await readTranscriptFile(write('notepad.txt', bytes));
    expect(t.segments.map((s) => s.speaker)).toEqual(['Interviewer', 'Candidate']);
  });

  it('rejects a transcript with no spoken text', async () => {
    const error = await failure(
      readTranscriptFile(write('silent.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n')),
    );
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toContain('no spoken text');
    expect(error.details.file).toContain('silent.vtt');
  });

  it('passes the file name into parse errors', async () => {
    const file = write(
      'broken.srt',
      '1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:03,000 -> 00:00:04,000\nho\n',
    );
    const error = await failure(readTranscriptFile(file));
    expect(error.details).toEqual({ line: 6, file });
    expect(error.message).toMatch(/^line 6: expected a timestamp line/);
  });
});
