/**
 * Uploads that tell the truth: files that are neither a recording nor a transcript are refused
 * saying what they are, and a transcript whose speakers do not include the candidate asks which
 * one is. Registered by `interviews.test.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCandidateSpeaker, readTranscriptText } from '../../../pipeline/index.js';
import { PRIYA_VTT, priyaText } from '../../../pipeline/test-helpers.js';
import type { Store } from '../../../store/index.js';
import { codeOf, multipart, routeFixture, type RouteFixture } from './test-fixture.js';

const ACCEPTS =
  'Candor accepts WAV, FLAC, MP3, MP4/M4A, OGG, WebM, MPEG and transcripts in VTT, SRT, text, JSON, CSV of turns';
const MARCUS_VTT = path.join(path.dirname(PRIYA_VTT), 'marcus-average.vtt');

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(80, 7)]);
const RANDOM = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 137 + 91) % 256));
const NOT_A_TRANSCRIPT =
  'date,region,revenue\n2025-01-01,north,1200\n2025-01-02,south,900\n2025-01-03,east,1500\n';

/** What the web app sends for a transcript file: File.text(), where bytes that are not UTF-8 become U+FFFD. */
const browserText = (bytes: Buffer) => new TextDecoder().decode(bytes);

/** @example describeUploadChecks('sqlite', () => openStore({ dataDir })) */
export function describeUploadChecks(name: string, open: () => Promise<Store>): void {
  describe(`uploads that tell the truth on ${name}`, () => {
    let fx: RouteFixture;
    let live = '';
    let async = '';

    beforeAll(async () => {
      fx = await routeFixture(open, 'upload-checks');
      const create = (kind: string) =>
        fx.as('recruiter', {
          method: 'POST',
          url: '/api/v1/interviews',
          payload: { applicationId: fx.hiring.applicationId, kind },
        });
      live = (await create('live')).json<{ id: string }>().id;
      async = (await create('async')).json<{ id: string }>().id;
    });
    afterAll(() => fx.close());

    const sendTranscript = (payload: object, id = live) =>
      fx.as('recruiter', { method: 'POST', url: `/api/v1/interviews/${id}/transcript`, payload });
    const sendRecording = (data: Buffer, filename: string) =>
      fx.as('recruiter', {
        method: 'POST',
        url: `/api/v1/interviews/${async}/media`,
        ...multipart([{ name: 'file', filename, data }]),
      });
    const message = (res: { json: <T>() => T }) => res.json<{ error: { message: string } }>().error.message;

    const refused: [string, Buffer, string][] = [
      ['report.pdf', PDF, 'a PDF document'],
      ['photo.png', PNG, 'a PNG image'],
      ['answers.zip', ZIP, 'a ZIP archive'],
      ['noise.bin', RANDOM, 'binary data'],
    ];

    for (const [file, bytes, what] of refused) {
      it(`refuses ${file} as a transcript and as a recording, saying it is ${what}`, async () => {
        const expected = `${file} is ${what}, not a recording or a transcript: ${ACCEPTS}`;
        const asTranscript = await sendTranscript({ content: browserText(bytes), fileName: file });
        expect(asTranscript.statusCode).toBe(422);
        expect(codeOf(asTranscript)).toBe('TRANSCRIPT_INVALID');
        expect(message(asTranscript)).toBe(expected);
        const asRecording = await sendRecording(bytes, file);
        expect(asRecording.statusCode).toBe(422);
        expect(codeOf(asRecording)).toBe('MEDIA_UNREADABLE');
        expect(message(asRecording)).toBe(expected);
        expect(await fx.store.media.listByInterview(async)).toEqual([]);
      });
    }

    it('refuses an empty file and a table of numbers sent as a transcript, keeping nothing', async () => {
      const empty = await sendTranscript({ content: '', fileName: 'call.vtt' });
      expect(empty.statusCode).toBe(422);
      expect(message(empty)).toBe(`call.vtt is empty: ${ACCEPTS}`);
      const table = await sendTranscript({ content: NOT_A_TRANSCRIPT, fileName: 'sales.txt' });
      expect(table.statusCode).toBe(422);
      expect(message(table)).toBe(`sales.txt is a table (CSV), not a recording or a transcript: ${ACCEPTS}`);
      const interview = await fx.store.interviews.get(live);
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBeNull();
      expect(interview.sourceFile).toBeNull();
    });

    it('says which upload a recording sent as a transcript, or a transcript sent as a recording, belongs in', async () => {
      const wav = Buffer.concat([
        Buffer.from('RIFF'),
        Buffer.from([0x24, 0xf4, 1, 0]),
        Buffer.from('WAVEfmt '),
      ]);
      const wavAsText = await sendTranscript({ content: browserText(wav), fileName: 'answer.wav' });
      expect(message(wavAsText)).toBe(
        'answer.wav is a WAV recording, not a transcript: upload it as a recording',
      );
      const vtt = await sendRecording(Buffer.from(priyaText()), 'call.vtt');
      expect(vtt.statusCode).toBe(422);
      expect(message(vtt)).toBe(
        'call.vtt is text (a transcript?), not a recording: upload it as a transcript',
      );
    });

    it('asks which speaker is the candidate when none is named like them, and completes with the choice', async () => {
      const content = readFileSync(MARCUS_VTT, 'utf8');
      const asked = await sendTranscript({ content, fileName: 'marcus-average.vtt' });
      expect(asked.statusCode).toBe(422);
      expect(asked.json()).toMatchObject({
        error: {
          code: 'SPEAKER_CHOICE_NEEDED',
          details: {
            file: 'marcus-average.vtt',
            candidateName: 'Priya Raman',
            speakers: [
              { speaker: 'Tom Brennan', words: expect.any(Number) },
              { speaker: 'Marcus Lee', words: expect.any(Number) },
            ],
            suggested: 'Marcus Lee',
          },
        },
      });
      expect(message(asked)).toMatch(
        /^marcus-average\.vtt: no speaker is named Priya Raman; choose which speaker is the candidate: Tom Brennan \(\d+ words\), Marcus Lee \(\d+ words\)$/,
      );
      const interview = await fx.store.interviews.get(live);
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBeNull();

      const wrong = await sendTranscript({
        content,
        fileName: 'marcus-average.vtt',
        candidateSpeaker: 'Priya',
      });
      expect(wrong.statusCode).toBe(400);
      expect(message(wrong)).toMatch(/^body\.candidateSpeaker: expected one of the transcript's speakers/);

      const chosen = await sendTranscript({
        content,
        fileName: 'marcus-average.vtt',
        candidateSpeaker: 'marcus lee',
      });
      expect(chosen.statusCode).toBe(201);
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBe(content);
      expect(await readCandidateSpeaker(fx.config.mediaDir, interview)).toBe('Marcus Lee');
    });

    it('takes a transcript naming the candidate without asking, and forgets an earlier choice', async () => {
      const res = await sendTranscript({ content: priyaText(), fileName: 'priya-strong.vtt' });
      expect(res.statusCode).toBe(201);
      const interview = await fx.store.interviews.get(live);
      expect(await readCandidateSpeaker(fx.config.mediaDir, interview)).toBe('Priya Raman');
      const labelled = await sendTranscript({
        content: 'Interviewer: Why this role?\nCandidate: I like building sales teams from scratch.',
        fileName: 'call.txt',
      });
      expect(labelled.statusCode).toBe(201);
      expect(await readCandidateSpeaker(fx.config.mediaDir, interview)).toBe('Candidate');
    });
  });
}
