import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../ingest/index.js';
import { openStore, type Store } from '../../store/index.js';
import { importTranscripts, type ImportProgress, type ImportSummary } from './index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../ingest/fixtures');
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'candor-import-'));
const folder = path.join(tempDir, 'calls');
let store: Store;
let workspaceId: string;

/** The good files of the folder, as results name them, with the fixture each copies. */
const GOOD: Record<string, string> = {
  'calls/acme/zoom.vtt': 'zoom.vtt',
  'calls/customer-call.csv': 'customer-call.csv',
  'calls/interview.json': 'interview.json',
  'calls/live-interview.txt': 'live-interview.txt',
  'calls/subrip.srt': 'subrip.srt',
};

beforeAll(async () => {
  mkdirSync(path.join(folder, 'acme'), { recursive: true });
  for (const [name, fixture] of Object.entries(GOOD)) {
    copyFileSync(path.join(FIXTURES, fixture), path.join(tempDir, name));
  }
  writeFileSync(path.join(folder, 'acme', 'zoom.meta.json'), '{"account":"Acme","outcome":"churned"}');
  writeFileSync(path.join(folder, '.hidden.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHidden\n');
  writeFileSync(path.join(folder, 'notes.xyz'), 'Some notes that are not in a transcript format.\n');
  writeFileSync(path.join(folder, 'empty.vtt'), '');
  // Two good rows, then a quote that never closes: the file must store nothing.
  writeFileSync(
    path.join(folder, 'broken.csv'),
    'speaker,text,start\nAnn,Hello there,0\nBen,Hi Ann,2\nAnn,"This never ends,4\n',
  );
  store = await openStore({ dataDir: path.join(tempDir, 'data') });
  workspaceId = (await store.workspaces.ensure({ slug: 'default' })).id;
});

afterAll(async () => {
  await store.close();
  rmSync(tempDir, { recursive: true, force: true });
});

const run = (progress: ImportProgress[] = []) =>
  importTranscripts(store, {
    workspaceId,
    paths: [folder],
    kind: 'customer',
    metadata: { segment: 'enterprise', occurredAt: '2026-03-14' },
    onProgress: (p) => progress.push(p),
  });

const storedCounts = async () => ({
  interviews: (
    await store.db.selectFrom('interview').select('id').where('workspace_id', '=', workspaceId).execute()
  ).length,
  segments: (await store.db.selectFrom('transcript_segment').select('id').execute()).length,
});

describe('importTranscripts', () => {
  let first: ImportSummary;
  const progress: ImportProgress[] = [];

  beforeAll(async () => {
    first = await run(progress);
  });

  it('imports each good file as one interview with its segments, in name order, hidden files left out', async () => {
    const relative = (name: string) => path.relative(tempDir, name);
    expect(first.files.map((f) => [relative(f.file), f.status])).toEqual([
      ['calls/acme/zoom.vtt', 'imported'],
      ['calls/broken.csv', 'failed'],
      ['calls/customer-call.csv', 'imported'],
      ['calls/empty.vtt', 'failed'],
      ['calls/interview.json', 'imported'],
      ['calls/live-interview.txt', 'imported'],
      ['calls/notes.xyz', 'failed'],
      ['calls/subrip.srt', 'imported'],
    ]);
    expect([first.imported, first.failed, first.skipped]).toEqual([5, 3, 0]);
    for (const result of first.files.filter((f) => f.status === 'imported')) {
      const fixture = GOOD[path.relative(tempDir, result.file)]!;
      const parsed = parseTranscript(readFileSync(path.join(FIXTURES, fixture)), { file: fixture });
      const interview = await store.interviews.get(result.interviewId!);
      expect(interview).toMatchObject({
        workspaceId,
        kind: 'customer',
        applicationId: null,
        sourceFile: fixture,
        format: parsed.format,
        segment: 'enterprise',
        occurredAt: '2026-03-14T00:00:00.000Z',
      });
      const { segments } = await store.analyses.getTranscript(interview.id);
      expect(result.segments).toBe(parsed.segments.length);
      expect(segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual(
        parsed.segments.map((s) => [s.speaker, s.start, s.end, s.text]),
      );
    }
  });

  it("takes a file's sidecar metadata over the defaults", async () => {
    const zoom = first.files.find((f) => f.file.endsWith('zoom.vtt'))!;
    expect(await store.interviews.get(zoom.interviewId!)).toMatchObject({
      account: 'Acme',
      outcome: 'churned',
      segment: 'enterprise',
      title: 'zoom',
    });
  });

  it('reports each bad file with its name and problem, and stores nothing of it', async () => {
    const error = (name: string) => first.files.find((f) => f.file.endsWith(name))!;
    expect(error('broken.csv')).toMatchObject({ interviewId: null, segments: 0, code: 'TRANSCRIPT_INVALID' });
    expect(error('broken.csv').error).toBe(
      `${path.join(folder, 'broken.csv')}: line 4: a quoted field opens here and is never closed (a missing ")`,
    );
    expect(error('empty.vtt').error).toBe(`${path.join(folder, 'empty.vtt')}: file is empty`);
    expect(error('notes.xyz').error).toMatch(
      /notes\.xyz: unknown format \(\.xyz\): Candor imports transcripts named \.vtt, .*\.csv, \.tsv$/,
    );
    const sources = (await store.db.selectFrom('interview').select('source_file').execute()).map(
      (r) => r.source_file,
    );
    expect(sources).not.toContain('broken.csv');
    expect(sources).not.toContain('empty.vtt');
    expect(sources).not.toContain('notes.xyz');
    const total = first.files.reduce((sum, f) => sum + f.segments, 0);
    expect(await storedCounts()).toEqual({ interviews: 5, segments: total });
  });

  it('makes the imported segments searchable, by kind too', async () => {
    const csv = first.files.find((f) => f.file.endsWith('customer-call.csv'))!;
    const found = await store.search.search(workspaceId, 'warehouse', { kinds: ['customer'] });
    expect(found.interviews.map((i) => i.interviewId)).toEqual([csv.interviewId]);
    expect((await store.search.search(workspaceId, 'warehouse', { kinds: ['sales'] })).total).toBe(0);
  });

  it('reports progress after every file', () => {
    expect(progress.map((p) => [p.done, p.total, p.result.status])).toEqual(
      first.files.map((f, i) => [i + 1, 8, f.status]),
    );
  });

  it('skips files imported before as duplicates, storing nothing twice', async () => {
    const before = await storedCounts();
    const again = await run();
    expect(again.files.map((f) => f.status)).toEqual(
      first.files.map((f) => (f.status === 'imported' ? 'skipped-duplicate' : 'failed')),
    );
    expect(again.files.map((f) => f.interviewId)).toEqual(first.files.map((f) => f.interviewId));
    expect(await storedCounts()).toEqual(before);
  });

  it('stores neither the interview nor any segment when a segment cannot be written', async () => {
    const write = store.interviews.createWithTranscript({ id: 'intv_half', workspaceId, kind: 'sales' }, [
      { speaker: 'A', start: 0, end: 1, text: 'stored first' },
      { speaker: 'B', start: 1, end: 2, text: null as unknown as string },
    ]);
    await expect(write).rejects.toThrow();
    await expect(store.interviews.get('intv_half')).rejects.toThrow('interview intv_half not found');
    const orphans = await store.db
      .selectFrom('transcript_segment')
      .select('id')
      .where('interview_id', '=', 'intv_half')
      .execute();
    expect(orphans).toEqual([]);
  });

  it('deletes the interview again and reports the file when keeping its text fails', async () => {
    const one = path.join(tempDir, 'one.srt');
    writeFileSync(one, '1\n00:00:01,000 --> 00:00:02,000\nAnn: A new call entirely.\n');
    const before = await storedCounts();
    const result = await importTranscripts(store, {
      workspaceId,
      paths: [one],
      kind: 'sales',
      keepSource: () => Promise.reject(new Error('disk full')),
    });
    expect(result.files[0]).toMatchObject({ status: 'failed', error: `${one}: disk full` });
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses bad default metadata naming the field, and a path that does not exist', async () => {
    await expect(
      importTranscripts(store, {
        workspaceId,
        paths: [folder],
        kind: 'exit',
        metadata: { occurredAt: 'soon' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'occurredAt' } });
    await expect(
      importTranscripts(store, { workspaceId, paths: [path.join(tempDir, 'missing')], kind: 'exit' }),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
