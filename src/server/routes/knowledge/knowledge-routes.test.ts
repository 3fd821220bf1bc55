/**
 * Bulk import over HTTP and saved searches, on a real server listening on loopback, on SQLite and,
 * when TEST_DATABASE_URL is set, on PostgreSQL: files sent as a browser sends a folder, a broken
 * file failing alone, the limits, the task a recruiter follows, and saved searches kept per user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-knowledge-routes-'));
const fixtures = path.resolve('src/ingest/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

/** Per file 8 KiB, all files together 40 KiB: small enough to cross in a test. */
const config = {
  ...testConfig,
  mediaDir: path.join(tempDir, 'media'),
  uploadLimitBytes: 40 * 1024,
  inputLimits: { ...testConfig.inputLimits, transcriptBytes: 8 * 1024 },
};

type Part = readonly [name: string, content: string | Uint8Array];

function form(fields: Record<string, string>, files: readonly Part[]): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [name, content] of files) body.append('files', new Blob([content]), name);
  return body;
}

function describeKnowledgeRoutes(name: string, open: () => Promise<Store>): void {
  describe(`knowledge import and saved searches on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let base = '';
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      store = await open();
      const ws = await store.workspaces.ensure({ slug: `kw-${Date.now()}`, name: 'KW' });
      for (const role of ['recruiter', 'admin', 'hiring_manager'] as const) {
        const user = await store.users.create({
          workspaceId: ws.id,
          email: `${role}.${Date.now()}@example.com`,
          name: role,
          role,
          password: 'correct horse battery staple',
        });
        tokens[role] = (await store.users.createApiToken(user.id, 'tests')).token;
      }
      app = await buildApp({ store, config });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const call = async (who: string | null, method: string, url: string, body?: FormData | object) => {
      const response = await fetch(`${base}/api/v1${url}`, {
        method,
        headers: {
          ...(who === null ? {} : { authorization: `Bearer ${tokens[who]}` }),
          ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      // The tests read answers by their documented shapes.
      return { status: response.status, text, json: (): Promise<any> => Promise.resolve(JSON.parse(text)) };
    };

    async function finished(who: string, id: string) {
      for (;;) {
        const response = await call(who, 'GET', `/knowledge/imports/${id}`);
        expect(response.status).toBe(200);
        const body = await response.json();
        if (body.task.status === 'done' || body.task.status === 'failed') return body;
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it('imports a folder in the background: good files go through, each broken one fails alone naming why', async () => {
      const response = await call(
        'recruiter',
        'POST',
        '/knowledge/imports',
        form({ kind: 'customer', account: 'Northwind', occurredAt: '2026-03-14' }, [
          ['calls/customer-call.csv', fixture('customer-call.csv')],
          ['calls/zoom.vtt', fixture('zoom.vtt')],
          ['calls/notes.docx', 'PK\u0003\u0004 not a transcript'],
          ['calls/empty.txt', ''],
          ['calls/huge.txt', `Ann: ${'word '.repeat(2000)}`],
        ]),
      );
      expect(response.status, response.text).toBe(202);
      const started = await response.json();
      expect(started.task.kind).toBe('knowledge-import');

      // The recruiter follows the task the way the page does.
      expect((await call('recruiter', 'GET', `/tasks/${started.task.id}`)).status).toBe(200);
      const done = await finished('recruiter', started.task.id);
      expect(done.task.status).toBe('done');
      const byFile = Object.fromEntries(done.summary.files.map((f: { file: string }) => [f.file, f]));
      expect(Object.keys(byFile)).toEqual([
        'calls/customer-call.csv',
        'calls/empty.txt',
        'calls/huge.txt',
        'calls/notes.docx',
        'calls/zoom.vtt',
      ]);
      expect(byFile['calls/customer-call.csv']).toMatchObject({ status: 'imported' });
      expect(byFile['calls/zoom.vtt']).toMatchObject({ status: 'imported' });
      expect(byFile['calls/empty.txt']).toMatchObject({ status: 'failed', code: 'TRANSCRIPT_INVALID' });
      expect(byFile['calls/empty.txt'].error).toMatch(/^calls\/empty\.txt/);
      expect(byFile['calls/notes.docx'].error).toMatch(/^calls\/notes\.docx/);
      expect(byFile['calls/huge.txt']).toMatchObject({ status: 'failed', code: 'FILE_TOO_LARGE' });
      expect(byFile['calls/huge.txt'].error).toContain('8 KiB limit');
      expect(JSON.stringify(done.summary)).not.toContain(tempDir);
      expect(done.summary).toMatchObject({ imported: 2, failed: 3, skipped: 0 });

      // What was imported is searchable, with the form's metadata, and its transcript readable.
      const found = await (await call('recruiter', 'GET', '/search?q=warehouse&account=Northwind')).json();
      expect(found.interviews.map((i: { interviewId: string }) => i.interviewId)).toEqual([
        byFile['calls/customer-call.csv'].interviewId,
      ]);
      expect(found.interviews[0]).toMatchObject({ kind: 'customer', occurredAt: '2026-03-14T00:00:00.000Z' });
      const transcript = await (
        await call('recruiter', 'GET', `/interviews/${found.interviews[0].interviewId}/transcript`)
      ).json();
      expect(transcript.transcript[1]).toMatchObject({ speaker: 'Tom Okafor', start: 7, end: 19.25 });

      // The same file again is a duplicate, pointing at the interview stored before.
      const again = await call(
        'admin',
        'POST',
        '/knowledge/imports',
        form({ kind: 'customer' }, [['customer-call.csv', fixture('customer-call.csv')]]),
      );
      const second = await finished('admin', (await again.json()).task.id);
      expect(second.summary.files[0]).toMatchObject({
        file: 'customer-call.csv',
        status: 'skipped-duplicate',
        interviewId: byFile['calls/customer-call.csv'].interviewId,
      });
    });

    it('refuses a form it cannot import with a 400 or 413 naming the field or file', async () => {
      const kind = await call(
        'recruiter',
        'POST',
        '/knowledge/imports',
        form({ kind: 'podcast' }, [['a.txt', 'A: hi']]),
      );
      expect(kind.status).toBe(400);
      expect((await kind.json()).error.message).toContain('body.kind: expected one of customer');
      const date = await call(
        'recruiter',
        'POST',
        '/knowledge/imports',
        form({ kind: 'exit', occurredAt: 'last tuesday' }, [['a.txt', 'A: hi']]),
      );
      expect((await date.json()).error.message).toContain('body.occurredAt');
      const none = await call('recruiter', 'POST', '/knowledge/imports', form({ kind: 'exit' }, []));
      expect([none.status, (await none.json()).error.message]).toEqual([
        400,
        'body: no files: send the transcripts in field "files"',
      ]);
      const seven = 'x'.repeat(7 * 1024);
      const files: Part[] = Array.from({ length: 8 }, (_, i) => [`part-${i}.txt`, `A: ${seven}`]);
      const big = await call('recruiter', 'POST', '/knowledge/imports', form({ kind: 'exit' }, files));
      expect(big.status).toBe(413);
      expect((await big.json()).error.message).toMatch(/limit for all files together at part-5\.txt/);
      expect(fs.readdirSync(path.join(tempDir, 'imports'))).toEqual([]);
    });

    it('is for admins and recruiters only', async () => {
      const body = () => form({ kind: 'exit' }, [['a.txt', 'A: hi']]);
      expect((await call(null, 'POST', '/knowledge/imports', body())).status).toBe(401);
      expect((await call('hiring_manager', 'POST', '/knowledge/imports', body())).status).toBe(403);
      expect((await call('hiring_manager', 'GET', '/knowledge/saved-searches')).status).toBe(403);
    });

    it("keeps saved searches per user: a name used twice is a 409, another user's search a 404", async () => {
      const created = await call('recruiter', 'POST', '/knowledge/saved-searches', {
        name: 'Export pain',
        query: 'export breaks',
        filters: { kind: 'customer', account: 'Northwind', speaker: '' },
      });
      expect(created.status).toBe(201);
      const saved = await created.json();
      expect(saved).toMatchObject({
        name: 'Export pain',
        filters: { kind: 'customer', account: 'Northwind' },
      });
      const twice = await call('recruiter', 'POST', '/knowledge/saved-searches', {
        name: ' export PAIN ',
        query: 'x',
      });
      expect(twice.status).toBe(409);
      expect((await twice.json()).error.message).toContain('"export PAIN" already exists');
      const badFilter = await call('recruiter', 'POST', '/knowledge/saved-searches', {
        name: 'Other',
        query: 'x',
        filters: { colour: 'red' },
      });
      expect(badFilter.status).toBe(400);
      // The admin sees none of the recruiter's, and may save the same name.
      expect((await (await call('admin', 'GET', '/knowledge/saved-searches')).json()).searches).toEqual([]);
      expect((await call('admin', 'DELETE', `/knowledge/saved-searches/${saved.id}`)).status).toBe(404);
      expect(
        (await call('admin', 'POST', '/knowledge/saved-searches', { name: 'Export pain', query: 'y' }))
          .status,
      ).toBe(201);
      const mine = await (await call('recruiter', 'GET', '/knowledge/saved-searches')).json();
      expect(mine.searches.map((s: { id: string }) => s.id)).toEqual([saved.id]);
      expect((await call('recruiter', 'DELETE', `/knowledge/saved-searches/${saved.id}`)).status).toBe(204);
      expect((await (await call('recruiter', 'GET', '/knowledge/saved-searches')).json()).searches).toEqual(
        [],
      );
    });
  });
}

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeKnowledgeRoutes('sqlite', () => openStore({ dataDir: path.join(tempDir, 'sqlite') }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_knowledge_routes_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeKnowledgeRoutes('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
