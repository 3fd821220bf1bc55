import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { need, requires } from '../src/test-helpers.js';

// `candor import` end to end through the built bin (issue 16): exit 0 when every file went in
// (or was in already), 1 when some failed and the rest were kept, 2 for bad arguments.
const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'src', 'ingest', 'fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-cli-import-'));
const calls = path.join(dir, 'calls');
const dataDir = path.join(dir, 'data');

function candor(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'candor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CANDOR_DATA_DIR: dataDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Summary {
  files: {
    file: string;
    status: string;
    interviewId: string | null;
    tags?: number | null;
    segments: number;
    error: string | null;
  }[];
  imported: number;
  failed: number;
  skipped: number;
}

beforeAll(() => {
  mkdirSync(path.join(calls, 'sub'), { recursive: true });
  copyFileSync(path.join(fixtures, 'zoom.vtt'), path.join(calls, 'zoom.vtt'));
  copyFileSync(path.join(fixtures, 'customer-call.csv'), path.join(calls, 'sub', 'customer-call.csv'));
  writeFileSync(
    path.join(calls, 'sub', 'customer-call.meta.json'),
    '{"account":"Northwind","role":"Analyst"}',
  );
  writeFileSync(path.join(calls, 'empty.srt'), '');
  writeFileSync(path.join(calls, 'scores.csv'), 'id,name,score\n1,Ann,3\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

requires(need.built()).describe('candor import', () => {
  it('imports the good files, reports the bad ones by name, and exits 1 when some failed', async () => {
    const r = candor(['import', calls, '--kind', 'exit', '--segment', 'SMB', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout) as Summary;
    expect(summary.files.map((f) => [path.relative(calls, f.file), f.status])).toEqual([
      ['empty.srt', 'failed'],
      ['scores.csv', 'failed'],
      ['sub/customer-call.csv', 'imported'],
      ['zoom.vtt', 'imported'],
    ]);
    expect(summary.files[0]!.error).toBe(`${path.join(calls, 'empty.srt')}: file is empty`);
    expect(summary.files[1]!.error).toMatch(
      /scores\.csv is a table \(CSV\) but not a transcript: its columns are "id", "name", "score"/,
    );
    expect(r.stderr).toContain('importing: 4 files: 2 imported, 2 failed');
    const store = await openStore({ dataDir });
    try {
      const csv = await store.interviews.get(summary.files[2]!.interviewId!);
      expect(csv).toMatchObject({
        kind: 'exit',
        segment: 'SMB',
        account: 'Northwind',
        role: 'Analyst',
        format: 'csv',
      });
      expect((await store.analyses.getTranscript(csv.id)).segments).toHaveLength(4);
      // Each import is tagged: Maya's questions by her, the reporting topic in Tom's words.
      const tags = await store.knowledge.tagsOf(csv.id);
      expect(summary.files[2]!.tags).toBe(tags.length);
      expect(tags.filter((t) => t.kind === 'question').map((t) => t.speaker)).toContain('Maya Chen');
      expect(tags.find((t) => t.kind === 'topic' && t.label === 'reporting')).toMatchObject({
        speaker: 'Tom Okafor',
        startS: 7,
      });
      const rows = await store.db.selectFrom('interview').select('source_file').execute();
      expect(rows.map((row) => row.source_file).sort()).toEqual(['customer-call.csv', 'zoom.vtt']);
    } finally {
      await store.close();
    }
  });

  it('exits 0 when every file was imported before, skipping them as duplicates; prints a table', () => {
    const r = candor(['import', path.join(calls, 'zoom.vtt'), path.join(calls, 'sub'), '--kind', 'exit']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^status\s+segments\s+tags\s+interview\s+file$/);
    expect(r.stdout).toMatch(/skipped-duplicate\s+intv_\w+\s+.*zoom\.vtt/);
    expect(r.stderr).toContain('2 files: 0 imported, 2 skipped (already imported)');
  });

  it('finds the imported conversations with candor search, filtered, and refuses a query it cannot read', () => {
    // "breaks" is said in the CSV call (Northwind) only; "warehouse" and "team" in it too.
    const text = candor(['search', 'breaks', '--kind', 'exit', '--account', 'northwind']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^1 interview match "breaks"/);
    expect(text.stdout).toMatch(/exit · \d{4}-\d{2}-\d{2} · .*Northwind · 2 hits · intv_\w+/);
    expect(text.stdout).toContain('[0:07] Tom Okafor:');
    expect(text.stdout).toContain('«breaks»');
    const json = candor(['search', 'teammate OR warehouse', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      total: number;
      interviews: { kind: string; segments: { speaker: string; startS: number; snippet: string }[] }[];
    };
    expect(result.total).toBe(2);
    const speakers = result.interviews.flatMap((i) => i.segments.map((s) => s.speaker));
    expect(speakers).toEqual(expect.arrayContaining(['Tom Okafor', 'Daniel Okafor']));
    expect(candor(['search', 'breaks', '--account', 'Globex']).stdout).toBe(
      'No interview matches "breaks".\n',
    );
    const bad = candor(['search', 'export "to our']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'candor: VALIDATION_FAILED: unbalanced quote at character 8\n',
    ]);
    const kind = candor(['search', 'breaks', '--kind', 'podcast']);
    expect([kind.code, kind.stderr]).toEqual([
      2,
      'candor: VALIDATION_FAILED: kinds: "podcast" is not an interview kind\n',
    ]);
  });

  it('candor tag --all tags again with the edited topics; a bad call exits 2 naming the problem', async () => {
    const store = await openStore({ dataDir });
    let csvId: string;
    try {
      const ws = await store.workspaces.getBySlug('default');
      await store.knowledge.topics.create(ws.id, { name: 'Data warehouse', synonyms: ['warehouse'] });
      const csv = await store.db
        .selectFrom('interview')
        .select('id')
        .where('source_file', '=', 'customer-call.csv')
        .executeTakeFirstOrThrow();
      csvId = csv.id;
      expect((await store.knowledge.tagsOf(csvId)).some((t) => t.label === 'Data warehouse')).toBe(false);
    } finally {
      await store.close();
    }
    const r = candor(['tag', '--all', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { interviewId: string; tags: number }[];
    expect(results).toHaveLength(2);
    expect(r.stderr).toContain('tagging: 2 interviews tagged');
    const after = await openStore({ dataDir });
    try {
      const tag = (await after.knowledge.tagsOf(csvId)).find((t) => t.label === 'Data warehouse');
      expect(tag).toMatchObject({ kind: 'topic', speaker: 'Tom Okafor' });
      expect(tag?.quote).toContain('export to our warehouse breaks every week');
    } finally {
      await after.close();
    }
    expect(candor(['tag'])).toMatchObject({
      code: 2,
      stderr: 'candor: VALIDATION_FAILED: name the interviews to tag, or give --all (not both)\n',
    });
    const unknown = candor(['tag', 'intv_nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('intv_nope');
  });

  it('exits 2 with a clear message for an unknown kind, a bad date, a missing path', () => {
    const kind = candor(['import', calls, '--kind', 'podcast']);
    expect([kind.code, kind.stderr]).toEqual([
      2,
      'candor: VALIDATION_FAILED: --kind: expected one of customer, exit, research, sales, got "podcast"\n',
    ]);
    const date = candor(['import', calls, '--kind', 'sales', '--date', '2026-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date: expected a date (YYYY-MM-DD)');
    const missing = candor(['import', path.join(dir, 'nope'), '--kind', 'sales']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read ${path.join(dir, 'nope')}: no such file or folder`);
    expect(candor(['import', calls]).code).toBe(2);
  });
});
