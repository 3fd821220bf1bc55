import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { need, requires, SHARED_DATA } from '../src/test-helpers.js';

/*
 * The README's example of pointing CANDOR_ASR_URL at a local OpenAI-compatible speech server, run
 * for real: a tiny server on 127.0.0.1 answers POST /v1/audio/transcriptions (multipart `file`,
 * `model`, `response_format`, … in; verbose_json with `text`, `segments` and `words` out, as in
 * https://platform.openai.com/docs/api-reference/audio/createTranscription), and the built
 * `candor analyze <recording> --json` must score the words that server sent back.
 */
const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const SAID = 'and so my fellow americans ask not what your country can do for you'.split(' ');
const requests: { url: string | undefined; fields: Record<string, string>; fileBytes: number }[] = [];
let url = '';

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const form = await new Response(Buffer.concat(chunks), {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
  const fields: Record<string, string> = {};
  let fileBytes = 0;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else fileBytes = value.size;
  }
  requests.push({ url: request.url, fields, fileBytes });
  if (request.url !== '/v1/audio/transcriptions') {
    response.writeHead(404).end();
    return;
  }
  const words = SAID.map((word, i) => ({ word, start: 0.5 + i * 0.4, end: 0.8 + i * 0.4 }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      task: 'transcribe',
      language: 'english',
      duration: 11,
      text: SAID.join(' '),
      words,
      segments: [
        { id: 0, start: 0.5, end: words.at(-1)?.end, text: ` ${SAID.join(' ')}`, avg_logprob: -0.2 },
      ],
    }),
  );
}

const server = createServer((req, res) => void handle(req, res));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

requires(need.tool('ffmpeg'), need.sharedData('speech/jfk.flac'), need.built()).it(
  'candor analyze uses the OpenAI-compatible server named by CANDOR_ASR_URL',
  async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CANDOR_ASR_URL: url };
    delete env.CANDOR_STT_ENGINE;
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, 'bin', 'candor.js'),
        'analyze',
        path.join(SHARED_DATA, 'speech', 'jfk.flac'),
        '--json',
      ],
      { cwd: root, env, timeout: 120_000 },
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.url === '/v1/audio/transcriptions')).toBe(true);
    expect(requests[0]?.fields.response_format).toBe('verbose_json');
    expect(requests[0]?.fileBytes).toBeGreaterThan(44);
    const card = JSON.parse(stdout) as { input: { words: number } };
    expect(card.input.words).toBe(SAID.length * requests.length);
  },
  120_000,
);
