import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../core/index.js';
import { exportLines, exportRequest } from '../../knowledge/trends/index.js';
import { seedTrends, type TrendFixture } from '../../knowledge/trends/trends-fixture.suite.js';
import { openStore, type Store } from '../../store/index.js';
import { addTranscript } from '../../store/search.suite.js';
import { need, requires } from '../../test-helpers.js';
import { main } from '../main.js';
import { exportCommand } from './export.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
/** The export's records, read by the project's CSV reader; every record ends with CRLF. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  return readCsv(text).map((row) => row.fields);
}

async function capture(options: Parameters<typeof exportCommand>[0], store: Store): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  await exportCommand(options, { store, output });
  return Buffer.concat(chunks).toString('utf8');
}

requires(need.sharedData('meetings-qmsum/Product')).describe('candor export', () => {
  let store: Store;
  let f: TrendFixture;
  const now = new Date('2026-03-26T12:00:00.000Z');
  beforeAll(async () => {
    store = await openStore({ dataDir: path.join(dir, 'data') });
    f = await seedTrends(store, now, 'default');
    await addTranscript(store, {
      workspaceId: f.workspaceId,
      kind: 'customer',
      account: 'Account, "North"',
      occurredAt: '2026-03-10T10:00:00.000Z',
      lines: [
        ['Industrial Designer', 'The battery is a big cost, so we should use a cheaper battery.'],
        ['Marketing', 'Customers find the remote too expensive.'],
      ],
    });
  });
  afterAll(() => store?.close());

  it('writes every tag as RFC 4180 CSV with a header row, quotes and commas intact', async () => {
    const text = await capture({ format: 'csv', what: 'tags', workspace: 'default' }, store);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'tag_id',
      'tag_kind',
      'label',
      'quote',
      'speaker',
      'start_s',
      'end_s',
      'segment_position',
      'sentiment',
      'interview_id',
      'interview_kind',
      'title',
      'account',
      'outcome',
      'occurred_at',
    ]);
    expect(rows).toHaveLength(1 + f.tags.length * 2);
    const withComma = f.tags.find((t) => t.quote.includes(','));
    expect(withComma).toBeDefined();
    const row = rows.find((r) => r[3] === withComma?.quote && r[1] === withComma?.kind);
    expect(row?.[2]).toBe(withComma?.label);
    expect(Number(row?.[8])).toBeCloseTo(withComma?.sentiment ?? NaN, 10);
    expect(row?.[14]).toBe(withComma?.occurredAt);
  });

  it('filters NDJSON by interview kind, tag kind and label, one JSON object a line', async () => {
    const text = await capture(
      { format: 'ndjson', kind: 'customer', tagKind: 'topic', label: 'PRICING', workspace: 'default' },
      store,
    );
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const customerIds = new Set(f.interviews.filter((i) => i.kind === 'customer').map((i) => i.id));
    expect(lines).toHaveLength(
      f.tags.filter((t) => t.label === 'Pricing' && customerIds.has(t.interviewId)).length,
    );
    for (const l of lines)
      expect(l).toMatchObject({ tag_kind: 'topic', label: 'Pricing', interview_kind: 'customer' });
    expect(lines[0]).toHaveProperty('account');
  });

  it('exports search results, one row per matching segment shown, to a file', async () => {
    const out = path.join(dir, 'search.csv');
    const { rows } = await exportCommand(
      { what: 'search', query: 'battery', kind: 'customer', out, workspace: 'default' },
      { store, progress: new PassThrough() as unknown as NodeJS.WriteStream },
    );
    const csv = parseCsv(fs.readFileSync(out, 'utf8'));
    expect(rows).toBe(1);
    expect(csv[0]?.slice(0, 5)).toEqual([
      'interview_id',
      'interview_kind',
      'title',
      'account',
      'occurred_at',
    ]);
    expect(csv[1]?.[3]).toBe('Account, "North"');
    expect(csv[1]?.[12]).toContain('«battery»');
  });

  it('reads tags a page at a time', async () => {
    const ws = await store.workspaces.ensure({ slug: 'bulk', name: 'Bulk' });
    const iv = await store.interviews.create({ workspaceId: ws.id, kind: 'sales', occurredAt: '2026-01-05' });
    await sql`insert into knowledge_tag (id, workspace_id, interview_id, kind, label, label_key, quote, occurred_at, created_at)
      select 'tag_bulk_' || n, ${ws.id}, ${iv.id}, 'topic', 'Pricing', 'pricing', 'the price', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z'
      from (with recursive s(n) as (select 1 union all select n + 1 from s where n < 2500) select n from s) s`.execute(
      store.db,
    );
    const chunks = exportLines(store, ws.id, exportRequest({ format: 'ndjson' }));
    const sizes: number[] = [];
    for await (const chunk of chunks) sizes.push(chunk.rows);
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it('exits 2 naming the option it cannot read', async () => {
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (text: string) => stderr.push(text) > 0;
    try {
      const dataDir = path.join(dir, 'data');
      expect(await main(['node', 'candor', 'export', '--format', 'xml', '--data-dir', dataDir])).toBe(2);
      expect(await main(['node', 'candor', 'export', '--what', 'search', '--data-dir', dataDir])).toBe(2);
      expect(await main(['node', 'candor', 'export', '--kind', 'podcast', '--data-dir', dataDir])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr).toEqual([
      'candor: VALIDATION_FAILED: format: "xml" is not one of csv, ndjson\n',
      'candor: VALIDATION_FAILED: query: a search export needs a query\n',
      expect.stringContaining('kinds: "podcast" is not an interview kind'),
    ]);
  });
});

describe('exportRequest', () => {
  it('keeps tag filters off search exports', () => {
    expect(() => exportRequest({ what: 'search', query: 'x', label: 'pricing' })).toThrow(
      /label: applies to tag exports/,
    );
    expect(exportRequest({ kind: 'customer, exit', label: 'Pricing,Nokia' })).toEqual({
      what: 'tags',
      format: 'csv',
      filters: { kinds: ['customer', 'exit'], labels: ['Pricing', 'Nokia'] },
    });
  });
});
