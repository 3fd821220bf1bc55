import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { runCandor as candor } from '../test-helpers.js';

describe('candor ratings', () => {
  const data = tempDir('candor-ratings-cli-');
  const ids: string[] = [];
  let file: string;
  beforeAll(async () => {
    const store = await openStore({ dataDir: data.dir });
    try {
      const ws = await store.workspaces.ensure({ slug: 'default' });
      for (let i = 0; i < 4; i++) {
        ids.push((await store.interviews.create({ workspaceId: ws.id, kind: 'live' })).id);
      }
    } finally {
      await store.close();
    }
    // Two raters who broadly agree on 4 interviews, on a 1-7 scale.
    const scores = [
      [7, 6],
      [2, 3],
      [5, 5],
      [1, 2],
    ];
    const rows = ids.flatMap((id, i) =>
      ['ana', 'raj'].map((rater, r) => `${id},${rater},overall,${scores[i]![r]},1-7`),
    );
    file = path.join(data.dir, 'ratings.csv');
    fs.writeFileSync(file, ['interview,rater,target,score,scale', ...rows].join('\n') + '\n');
  });
  afterAll(data.cleanup);

  it('imports a file with a summary line, and again as unchanged', async () => {
    const first = await candor('ratings', 'import', file, '--data-dir', data.dir);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(
      'ratings.csv: 8 ratings of 4 interviews by 2 raters (overall): 8 added, 0 updated, 0 unchanged\n',
    );
    const again = await candor('ratings', 'import', file, '--data-dir', data.dir, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, updated: 0, unchanged: 8 });
  });

  it('prints rater agreement as a table with what the figures mean, and as JSON', async () => {
    const table = await candor('ratings', 'agreement', '--data-dir', data.dir);
    expect(table.code).toBe(0);
    const [header, overall] = table.out.split('\n');
    expect(header).toMatch(/^target\s+ratings\s+raters\s+items\s+ICC\(2,1\)\s+ICC\(2,k\)\s+alpha\s+scale$/);
    expect(overall).toMatch(/^overall\s+8\s+2\s+4\s+0\.\d\d\s+0\.\d\d\s+0\.\d\d\s+1-7$/);
    expect(table.out).toContain('the ceiling a model trained on it can reach');
    const json = await candor(
      'ratings',
      'agreement',
      '--target',
      'overall',
      '--data-dir',
      data.dir,
      '--json',
    );
    const [row] = JSON.parse(json.out) as { iccAverage: number; alpha: number }[];
    expect(row!.iccAverage).toBeGreaterThan(0.9);
    expect(row!.alpha).toBeGreaterThan(0.8);
  });

  it('lists the ratings of one interview', async () => {
    const listed = await candor('ratings', 'list', '--interview', ids[0]!, '--data-dir', data.dir);
    expect(listed.out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^whole interview\s+overall\s+ana\s+7 on 1-7\s+\(1\.00\)\s+csv$/),
      expect.stringMatching(/^whole interview\s+overall\s+raj\s+6 on 1-7\s+\(0\.83\)\s+csv$/),
    ]);
  });

  it('refuses a bad file with exit code 2 and one line naming file, line and column; nothing changes', async () => {
    const bad = path.join(data.dir, 'bad.csv');
    fs.writeFileSync(bad, `interview,rater,target,score,scale\n${ids[0]},ana,overall,9,1-7\n`);
    const refused = await candor('ratings', 'import', bad, '--data-dir', data.dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      'candor: RATINGS_INVALID: bad.csv line 2, column 4 (score): score 9 is outside the declared scale 1-7\n',
    );
    const unknown = path.join(data.dir, 'unknown.csv');
    fs.writeFileSync(
      unknown,
      `interview,rater,target,score,scale\n${ids[0]},ana,overall,1,1-7\nintv_nope,ana,overall,1,1-7\n`,
    );
    const missing = await candor('ratings', 'import', unknown, '--data-dir', data.dir);
    expect(missing.err).toBe(
      'candor: RATINGS_INVALID: unknown.csv: 1 interview is not in this workspace: intv_nope (line 3); nothing was imported\n',
    );
    const listed = await candor('ratings', 'list', '--interview', ids[0]!, '--data-dir', data.dir, '--json');
    expect((JSON.parse(listed.out) as { score: number }[]).map((r) => r.score)).toEqual([7, 6]);
  });
});
