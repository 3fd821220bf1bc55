import { describe, expect, it } from 'vitest';
import { isCandorError } from '../core/index.js';
import { parseTranscript } from './detect.js';
import { ACCEPTED_FILES, identifyForeignFile } from './file-kind.js';

/** The error parseTranscript throws for this input. */
function refusal(content: string | Uint8Array, file: string) {
  try {
    parseTranscript(content, { file });
  } catch (error) {
    if (isCandorError(error)) return error;
    throw error;
  }
  throw new Error(`${file} was parsed`);
}

/** The text a browser's File.text() gives for these bytes (bad UTF-8 becomes U+FFFD). */
const asBrowserText = (bytes: Buffer) => new TextDecoder().decode(bytes);

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const ZIP = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
  Buffer.from('word/document.xml'),
]);
const RANDOM = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 137 + 91) % 256));

describe('refusing files that are not transcripts', () => {
  const cases: [string, Buffer, string][] = [
    ['report.pdf', PDF, 'report.pdf is a PDF document, not a recording or a transcript: '],
    ['photo.png', PNG, 'photo.png is a PNG image, not a recording or a transcript: '],
    ['answers.zip', ZIP, 'answers.zip is a ZIP archive, not a recording or a transcript: '],
    ['notes.docx', ZIP, 'notes.docx is a Word document, not a recording or a transcript: '],
    ['noise.bin', RANDOM, 'noise.bin is binary data, not a recording or a transcript: '],
  ];
  for (const [file, bytes, start] of cases) {
    it(`refuses ${file} as bytes and as the text a browser decoded, naming what it is`, () => {
      for (const content of [asBrowserText(bytes), ...(file === 'noise.bin' ? [] : [bytes])]) {
        const error = refusal(content, file);
        expect(error.code).toBe('TRANSCRIPT_INVALID');
        expect(error.message).toBe(start + ACCEPTED_FILES);
        expect(error.details.file).toBe(file);
      }
    });
  }

  it('says a recording sent as a transcript belongs in the recordings upload', () => {
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([0x24, 0xf4, 0x01, 0]),
      Buffer.from('WAVEfmt '),
    ]);
    const error = refusal(asBrowserText(wav), 'answer.wav');
    expect(error.message).toBe('answer.wav is a WAV recording, not a transcript: upload it as a recording');
    expect(error.details).toMatchObject({ fileType: 'wav', expected: 'transcript' });
  });

  it('refuses a CSV table and a log that is mostly not words, but reads short typed answers', () => {
    const csv = 'id,name,score\n1,Ann,3\n2,Ben,4\n3,Cy,5\n';
    expect(refusal(csv, 'scores.txt').message).toBe(
      `scores.txt is a table (CSV), not a recording or a transcript: ${ACCEPTED_FILES}`,
    );
    const log = Array.from(
      { length: 12 },
      (_, i) => `2025-03-0${i % 9} 10:0${i % 9}:12 0x7f3a${i} 200 1532 /api/v1/x`,
    ).join('\n');
    expect(refusal(log, 'server.log').message).toMatch(
      /^server\.log is text that does not read as speech \(only \d+% of its \d+ tokens are words\), not a recording or a transcript: /,
    );
    expect(
      parseTranscript('I led a team of five, and we shipped.', { file: 'answer.txt' }).segments,
    ).toHaveLength(1);
    expect(
      parseTranscript('Ann: Yes, we did, twice.\nBen: So, then, what?\nAnn: Well, I, er, left.', {
        file: 'a.txt',
      }).segments,
    ).toHaveLength(3);
  });

  it('leaves real transcripts alone', () => {
    expect(identifyForeignFile('WEBVTT\n\n00:00.000 --> 00:01.000\nHi', 'a.vtt')).toBeNull();
    expect(identifyForeignFile('{"segments": []}', 'a.json')).toBeNull();
    expect(identifyForeignFile('Ann: héllo — “quoted” ✓', 'a.txt')).toBeNull();
  });
});
