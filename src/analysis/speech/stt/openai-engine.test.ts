import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandorError } from '../../../core/index.js';
import { OpenAiEngine, toSegments } from './openai-engine.js';
import { expectWellFormed, speechToTextSuite } from './speech-to-text.suite.js';
import { hasSpeechData, JFK, pcmOf, streamOf } from './test-helpers.js';

/*
 * A local stand-in for an OpenAI-compatible server, at the HTTP boundary (the one test double
 * allowed). It checks the request has the documented multipart fields of "Create transcription"
 * (POST /v1/audio/transcriptions: file, model, response_format=verbose_json,
 * timestamp_granularities[]=word and =segment; https://platform.openai.com/docs/api-reference/audio/createTranscription)
 * and answers in the documented verbose_json shape: { task, language, duration, text,
 * words: [{ word, start, end }], segments: [{ id, seek, start, end, text, tokens, temperature,
 * avg_logprob, compression_ratio, no_speech_prob }] }. Its words are evenly spaced over the
 * uploaded audio, so times can be checked against what was sent.
 */
interface Upload {
  readonly fields: Record<string, string[]>;
  readonly fileName: string;
  readonly wav: { sampleRate: number; channels: number; bits: number; seconds: number };
  readonly authorization: string | undefined;
}

const SENTENCE = ['and', 'so', 'my', 'fellow', 'americans', 'ask', 'not'];
let server: Server;
let base = '';
const uploads: Upload[] = [];
let mode: 'ok' | 'unauthorised' | 'broken' | 'words-only' | 'segments-only' | 'error' = 'ok';

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST' || request.url !== '/v1/audio/transcriptions')
    return reply(404, { error: { message: 'not found' } });
  if (mode === 'unauthorised') return reply(401, { error: { message: 'Incorrect API key provided' } });
  if (mode === 'error') return reply(500, { error: { message: 'model overloaded' } });
  // Parse the multipart body with the platform's own parser (undici), as a server framework would.
  const form = await new Response(Buffer.concat(chunks), {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
  const fields: Record<string, string[]> = {};
  let file: File | undefined;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') (fields[key] ??= []).push(value);
    else file = value;
  }
  if (!file) return reply(400, { error: { message: 'file is required' } });
  const bytes = Buffer.from(await file.arrayBuffer());
  const wav = {
    sampleRate: bytes.readUInt32LE(24),
    channels: bytes.readUInt16LE(22),
    bits: bytes.readUInt16LE(34),
    seconds: bytes.readUInt32LE(40) / bytes.readUInt32LE(28),
  };
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    return reply(400, { error: { message: 'not a wav' } });
  uploads.push({ fields, fileName: file.name, wav, authorization: request.headers.authorization });
  if (mode === 'broken') return reply(200, { text: 'hello', words: [{ word: 'hello', start: 'soon' }] });
  const step = wav.seconds / (SENTENCE.length + 1);
  const words = SENTENCE.map((word, i) => ({ word, start: step * (i + 0.5), end: step * (i + 1.3) }));
  const half = Math.ceil(SENTENCE.length / 2);
  const segment = (id: number, from: number, to: number) => ({
    id,
    seek: 0,
    start: words[from]!.start,
    end: words[to - 1]!.end,
    text: ` ${SENTENCE.slice(from, to).join(' ')}`,
    tokens: [],
    temperature: 0,
    avg_logprob: -0.2,
    compression_ratio: 1.1,
    no_speech_prob: 0.01,
  });
  reply(200, {
    task: 'transcribe',
    language: 'english',
    duration: wav.seconds,
    text: SENTENCE.join(' '),
    ...(mode === 'segments-only' ? {} : { words }),
    ...(mode === 'words-only' ? {} : { segments: [segment(0, 0, half), segment(1, half, SENTENCE.length)] }),
  });
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const speech = () =>
  hasSpeechData ? pcmOf(JFK) : Float32Array.from({ length: 5 * 16_000 }, (_, i) => 0.2 * Math.sin(i / 5));

speechToTextSuite('openai-compatible endpoint', { engine: () => new OpenAiEngine({ url: base }), speech });

describe('OpenAiEngine against a local server', () => {
  it('sends the documented multipart request: a 16 kHz mono 16-bit WAV, model, verbose_json, word+segment', async () => {
    mode = 'ok';
    uploads.length = 0;
    const audio = speech();
    await new OpenAiEngine({ url: `${base}/v1/`, apiKey: 'sk-test', model: 'whisper-large-v3' }).transcribe(
      streamOf(audio),
    );
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload!.fields).toEqual({
      model: ['whisper-large-v3'],
      language: ['en'],
      response_format: ['verbose_json'],
      'timestamp_granularities[]': ['word', 'segment'],
    });
    expect(upload!.fileName).toMatch(/\.wav$/);
    expect(upload!.wav).toMatchObject({ sampleRate: 16_000, channels: 1, bits: 16 });
    expect(upload!.wav.seconds).toBeCloseTo(audio.length / 16_000, 3);
    expect(upload!.authorization).toBe('Bearer sk-test');
  });

  it('maps segments and words, and offsets the times of each part of a long recording', async () => {
    mode = 'ok';
    uploads.length = 0;
    const audio = speech();
    const duration = audio.length / 16_000;
    const transcript = await new OpenAiEngine({ url: base, maxPartSeconds: 4 }).transcribe(streamOf(audio));
    // Parts of at most 4 s, each cut at the quietest 100 ms of its last second.
    expect(uploads.length).toBeGreaterThanOrEqual(Math.ceil(duration / 4));
    expect(uploads.length).toBeLessThanOrEqual(Math.ceil(duration / 3));
    for (const u of uploads) expect(u.wav.seconds).toBeLessThanOrEqual(4);
    for (const u of uploads.slice(0, -1)) expect(u.wav.seconds).toBeGreaterThanOrEqual(3);
    expect(uploads.reduce((s, u) => s + u.wav.seconds, 0)).toBeCloseTo(duration, 2);
    expect(uploads.every((u) => u.authorization === undefined)).toBe(true);
    expectWellFormed(transcript, duration);
    expect(transcript.segments).toHaveLength(2 * uploads.length);
    expect(transcript.segments[0]).toMatchObject({ speaker: null, text: 'and so my fellow' });
    // The second part's first word starts after the first part ends.
    const firstPartEnd = uploads[0]!.wav.seconds;
    expect(transcript.segments[2]!.words![0]!.start).toBeGreaterThan(firstPartEnd);
  });

  it('gives every word a time when the server sends only segments, and groups words when it sends only words', async () => {
    const audio = speech();
    mode = 'segments-only';
    const spread = await new OpenAiEngine({ url: base }).transcribe(streamOf(audio));
    expectWellFormed(spread, audio.length / 16_000);
    expect(spread.segments.flatMap((s) => s.words!.map((w) => w.text))).toEqual(SENTENCE);
    mode = 'words-only';
    const grouped = await new OpenAiEngine({ url: base }).transcribe(streamOf(audio));
    expectWellFormed(grouped, audio.length / 16_000);
    expect(grouped.segments.flatMap((s) => s.words!.map((w) => w.text))).toEqual(SENTENCE);
  });

  it('turns HTTP failures into CandorErrors naming the setting to fix', async () => {
    const audio = speech().slice(0, 16_000);
    mode = 'unauthorised';
    await expect(
      new OpenAiEngine({ url: base, apiKey: 'bad' }).transcribe(streamOf(audio)),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^CANDOR_ASR_KEY: .*HTTP 401.*Incorrect API key/),
    });
    mode = 'error';
    await expect(new OpenAiEngine({ url: base }).transcribe(streamOf(audio))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/HTTP 500: model overloaded/),
    });
    mode = 'broken';
    await expect(new OpenAiEngine({ url: base }).transcribe(streamOf(audio))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/verbose_json shape: words\.0\.start/),
    });
    mode = 'ok';
    await expect(
      new OpenAiEngine({ url: `${base}/elsewhere/v2` }).transcribe(streamOf(audio)),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^CANDOR_ASR_URL: no transcription endpoint/),
    });
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await new OpenAiEngine({ url: `http://127.0.0.1:${port}` })
      .transcribe(streamOf(speech().slice(0, 8000)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandorError);
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/cannot reach .*ECONNREFUSED/),
    });
  });

  it('check() needs CANDOR_ASR_URL to be an http(s) URL and makes no request', async () => {
    uploads.length = 0;
    expect(await new OpenAiEngine({ url: '' }).check()).toEqual({
      usable: false,
      reason: 'CANDOR_ASR_URL is not set',
    });
    expect((await new OpenAiEngine({ url: 'ftp://x' }).check()).usable).toBe(false);
    expect(await new OpenAiEngine({ url: base, model: '' }).check()).toMatchObject({
      usable: true,
      reason: `${base}/v1/audio/transcriptions (model whisper-1)`,
    });
    expect(uploads).toHaveLength(0);
  });
});

describe('toSegments', () => {
  it("passes a server's word probability on as the word's confidence, and none when it gives none", () => {
    const [segment] = toSegments(
      {
        text: 'hello there',
        words: [
          { word: ' hello', start: 0.1, end: 0.4, probability: 0.93 },
          { word: ' there', start: 0.5, end: 0.8 },
        ],
      },
      10,
    );
    expect(segment?.words).toEqual([
      { text: 'hello', start: 10.1, end: 10.4, confidence: 0.93 },
      { text: 'there', start: 10.5, end: 10.8 },
    ]);
  });
});
