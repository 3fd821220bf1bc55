/**
 * The knowledge webhook: its setting, and a real `knowledge.tags` delivery from the outbox to a
 * receiver on loopback by the same deliverer as the fairness alerts, signed.
 */
import fs from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { deliverDue } from './deliver.js';
import { loadKnowledgeConfig } from './knowledge-config.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';

const SECRET = 'a-webhook-secret-here';

describe('loadKnowledgeConfig', () => {
  it('posts nothing by default and takes an http(s) URL', () => {
    expect(loadKnowledgeConfig({})).toEqual({ webhookUrl: null });
    expect(loadKnowledgeConfig({ CANDOR_KNOWLEDGE_WEBHOOK_URL: 'https://hooks.example.com/kb' })).toEqual({
      webhookUrl: 'https://hooks.example.com/kb',
    });
  });

  it('refuses another URL naming the setting', () => {
    const error = (() => {
      try {
        loadKnowledgeConfig({ CANDOR_KNOWLEDGE_WEBHOOK_URL: 'ftp://example.com/kb' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CandorError);
    expect([(error as CandorError).code, (error as CandorError).message]).toEqual([
      'CONFIG_INVALID',
      'CANDOR_KNOWLEDGE_WEBHOOK_URL: expected an http:// or https:// URL',
    ]);
  });
});

describe('knowledge.tags delivery', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-knowledge-hook-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('posts the queued tags signed, with the event in a header, and marks the delivery delivered', async () => {
    const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const store = await openStore({ dataDir });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kb`;
      const ws = await store.workspaces.ensure({ slug: 'hook', name: 'Hook' });
      const interview = await store.interviews.createWithTranscript({ workspaceId: ws.id, kind: 'exit' }, [
        { speaker: 'Ann', start: 0, end: 3, text: 'Why did the commute matter so much?' },
      ]);
      await store.knowledge.replaceTags(
        interview.id,
        [
          {
            kind: 'question',
            label: 'Why did the commute matter so much?',
            refId: null,
            quote: 'Why did the commute matter so much?',
            speaker: 'Ann',
            startS: 0,
            endS: 3,
            segmentPosition: 0,
            endPosition: null,
            sentiment: null,
            detail: null,
          },
        ],
        { webhookUrl: url },
      );
      const done = await deliverDue(store, { secret: SECRET, retryDelaysMs: [], timeoutMs: 5000 });
      expect(done.map((d) => [d.event, d.status])).toEqual([['knowledge.tags', 'delivered']]);
      expect(received).toHaveLength(1);
      const [hit] = received;
      expect(hit?.headers['x-candor-event']).toBe('knowledge.tags');
      expect(verifySignature(SECRET, hit!.body, hit?.headers[SIGNATURE_HEADER])).toBe(true);
      const body = JSON.parse(hit!.body);
      expect(body).toMatchObject({ event: 'knowledge.tags', workspaceId: ws.id, interviewId: interview.id });
      expect(body.tags[0]).toMatchObject({ kind: 'question', speaker: 'Ann', segmentPosition: 0 });
    } finally {
      await store.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
