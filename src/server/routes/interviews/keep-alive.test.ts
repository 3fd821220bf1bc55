/**
 * An upload rejected before its body is read must not freeze the keep-alive connection it came
 * on: a real server on port 0 and a real keep-alive agent with one socket, so every follow-up
 * request goes where the rejected upload went. The connection layer does not depend on the
 * database, so SQLite alone runs it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../store/index.js';
import { multipart, routeFixture, type RouteFixture } from './test-fixture.js';
import { tempDir } from '../../../pipeline/test-helpers.js';

const ROUNDS = 200;
/** Far above a normal answer (milliseconds): a frozen connection waits for the server's 30 s+ timeouts. */
const REQUEST_TIMEOUT_MS = 10_000;

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly connection: string | undefined;
}

function send(
  agent: http.Agent,
  base: URL,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      new URL(options.path, base),
      { method: options.method, agent, headers: options.headers, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            connection: response.headers.connection,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`${options.method} ${options.path}: no answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    // The server may close while the rest of a rejected body is still being written.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    request.on('close', () => {
      if (!answered)
        resolve({ status: 0, body: 'connection closed without an answer', connection: undefined });
    });
    request.end(options.body);
  });
}

describe('keep-alive after an upload rejected early', () => {
  const dir = tempDir('candor-keep-alive-');
  let fx: RouteFixture;
  let base: URL;
  let token = '';
  let interviewId = '';

  beforeAll(async () => {
    fx = await routeFixture(() => openStore({ dataDir: dir.dir }), 'keep-alive');
    const interview = await fx.store.interviews.create({
      workspaceId: fx.hiring.workspaceId,
      applicationId: fx.hiring.applicationId,
      kind: 'async',
    });
    interviewId = interview.id;
    token = (await fx.store.users.createApiToken(fx.users.recruiter.id, 'keep-alive')).token;
    await fx.app.listen({ port: 0, host: '127.0.0.1' });
    base = new URL(`http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`);
  }, 60_000);
  afterAll(async () => {
    fx.app.server.closeAllConnections();
    await fx.close();
    dir.cleanup();
  });

  const failed = (error: Error): Answer => ({ status: 0, body: error.message, connection: undefined });

  /** One round on `agent`'s socket: an upload of `size` bytes the server refuses, then `GET /health`. */
  async function rejectThenAsk(agent: http.Agent, size: number): Promise<{ rejected: Answer; next: Answer }> {
    const { payload, headers } = multipart([
      { name: 'position', value: 'first' },
      { name: 'file', filename: 'a.wav', data: Buffer.alloc(size, 7) },
    ]);
    const rejected = await send(agent, base, {
      method: 'POST',
      path: `/api/v1/interviews/${interviewId}/media`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: payload,
    }).catch(failed);
    const next = await send(agent, base, { method: 'GET', path: '/api/v1/health' }).catch(failed);
    return { rejected, next };
  }

  it(`answers every request after ${ROUNDS} rejected uploads on the same connection`, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // A field that fails validation, then a file far bigger than what the server reads before refusing.
    const sizes = [0, 1024, 256 * 1024, 1024 * 1024];
    const failures: string[] = [];
    try {
      // Stops at the third failure: each costs a whole time-out.
      for (let round = 0; round < ROUNDS && failures.length < 3; round++) {
        const size = sizes[round % sizes.length]!;
        const { rejected, next } = await rejectThenAsk(agent, size);
        if (rejected.status !== 400)
          failures.push(`round ${round} (${size} B): upload ${rejected.status} ${rejected.body}`);
        if (next.status !== 200) failures.push(`round ${round} (${size} B): ${next.status} ${next.body}`);
      }
    } finally {
      agent.destroy();
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('closes the connection instead when the unread rest is longer than an upload may be', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const big = fx.config.uploadLimitBytes + 1024 * 1024;
    const failures: string[] = [];
    try {
      for (let round = 0; round < 10 && failures.length < 3; round++) {
        const { rejected, next } = await rejectThenAsk(agent, big);
        if (rejected.status !== 400 || rejected.connection !== 'close') {
          failures.push(`round ${round}: upload ${rejected.status} ${rejected.connection} ${rejected.body}`);
        }
        if (next.status !== 200) failures.push(`round ${round}: ${next.status} ${next.body}`);
      }
    } finally {
      agent.destroy();
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
