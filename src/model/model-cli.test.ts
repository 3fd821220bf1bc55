import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCandor as candor } from '../cli/test-helpers.js';
import { parseModel } from './model-file.js';
import { plantedData } from './synthetic-data.js';

// End to end through the CLI entry, in process, on small CSV files written to a temp folder.
const dir = mkdtempSync(path.join(tmpdir(), 'candor-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

// 30 people, two interviews each, two raters on a 1-7 scale; the rating rises with
// specificityPer100 and falls with fillerWordsPer100 (the default framework's directions).
const data = plantedData({
  people: 30,
  weights: { specificityPer100: 0.08, fillerWordsPer100: -0.06, totalWords: 0.02 },
  noise: 0.03,
  raters: 2,
  raterNoise: 0.04,
  seed: 21,
});
const columns = ['specificityPer100', 'fillerWordsPer100', 'totalWords'];
const featuresCsv = [
  ['interview', 'person', ...columns, 'expert:overall'].join(','),
  ...data.rows.map((r, i) =>
    [
      r.interview,
      r.person,
      ...columns.map((c) => r.values[c]!.toFixed(4)),
      (40 + (i % 9) * 5).toString(),
    ].join(','),
  ),
].join('\n');
const ratingsCsv = [
  'interview,rater,target,score,scale,person',
  ...data.ratings.flatMap((r) =>
    r.scores!.map((s) => `${r.interview},${s.rater},overall,${(1 + 6 * s.value).toFixed(3)},1-7,${r.person}`),
  ),
].join('\n');
writeFileSync(at('features.csv'), featuresCsv + '\n');
writeFileSync(at('ratings.csv'), ratingsCsv + '\n');

describe('candor model train', () => {
  it('writes a readable, versioned model file and prints the report', async () => {
    const args = [
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
    ];
    const r = await candor(...args, '--out', at('overall.json'), '--population', 'synthetic test people');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(at('overall.json'), 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "candor-model\/1",\n/);
    const model = parseModel(JSON.parse(text), 'overall.json');
    expect(model).toMatchObject({
      id: 'overall-model',
      version: 1,
      target: 'overall',
      scale: { min: 1, max: 7 },
    });
    expect(model.training).toMatchObject({ interviews: 60, people: 30, raters: 2 });
    expect(model.features.find((f) => f.signal === 'fillerWordsPer100')).toMatchObject({
      direction: 'lower',
    });
    expect(model.features.map((f) => f.signal)).not.toContain('expert:overall');
    expect(r.out).toContain('model, cross-validated');
    expect(r.out).toMatch(/expert framework \(expert:overall, untrained\) +-?0\.\d\d/);
    expect(r.out).toMatch(/word count alone \(totalWords, same nested CV\) +-?0\.\d\d/);
    expect(r.out).toMatch(
      /raters' agreement \(the ceiling a model can reach\): ICC\(2,k\) = 0\.\d\d, Krippendorff's alpha = 0\.\d\d/,
    );
    expect(r.out).toMatch(
      /^Verdict: passes: cross-validated r = 0\.\d\d \(95% CI 0\.\d\d to 0\.\d\d\) is at or above 0\.6\.$/m,
    );
    expect(r.out).toMatch(/^ {2}specificityPer100 +0\.0\d+ +\d+\.\d+ +\d\.\d+ {2}higher$/m);
    expect(r.out).toContain(`wrote ${at('overall.json')}`);
    const md = await candor(...args, '--out', at('md.json'), '--markdown');
    expect(md.out).toMatch(/^\| model, cross-validated \| 0\.\d\d \| \[0\.\d\d, 0\.\d\d\] \|/m);
    expect(md.out).toMatch(/^\*\*Verdict: passes: /m);
    // Training again into the same file gives the next version.
    const again = await candor(...args, '--out', at('overall.json'), '--json', '--method', 'elastic-net');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({
      version: 2,
      method: { kind: 'elastic-net', l1Ratio: 0.5 },
    });
  });

  it('re-validates a model on data, saying it is blind only for new people', async () => {
    await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
      '--out',
      at('v.json'),
    );
    const r = await candor(
      'model',
      'validate',
      at('v.json'),
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Blind only if none of these people were in the data model overall-model version 1 was trained on',
    );
    expect(r.out).toMatch(/fixed model +0\.\d\d/);
    expect(r.out).toContain('Its feature list, retrained and validated blind on the data given');
  });

  it('exits 2 with a clear message for a features file missing a column the model uses', async () => {
    await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
      '--out',
      at('m.json'),
    );
    const without = featuresCsv
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 3)
          .join(','),
      )
      .join('\n');
    writeFileSync(at('short.csv'), without);
    const r = await candor(
      'model',
      'validate',
      at('m.json'),
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('short.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'candor: FEATURES_INVALID: short.csv: missing column "fillerWordsPer100" that the model needs; ' +
        'write the file again with `candor features`\n',
    );
    const train = await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('short.csv'),
      '--signals',
      'specificityPer100,fillerWordsPer100',
    );
    expect(train.code).toBe(2);
    expect(train.err).toMatch(/^candor: FEATURES_INVALID: short\.csv: missing column "fillerWordsPer100"/);
  });

  it('exits 2 naming the line for ratings of an unknown interview', async () => {
    writeFileSync(at('ghost.csv'), ratingsCsv + '\nghost.txt,r1,overall,5,1-7,p99\n');
    const r = await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ghost.csv'),
      '--features',
      at('features.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'candor: RATINGS_INVALID: ghost.csv line 122: interview "ghost.txt" is not in the features (no whole-interview row names it)\n',
    );
  });

  it('exits 2 for a scale mismatch, within a file and against a model', async () => {
    writeFileSync(at('mixed.csv'), ratingsCsv + '\np1-i1.txt,r3,overall,4,1-5,p1\n');
    const r = await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('mixed.csv'),
      '--features',
      at('features.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'candor: RATINGS_INVALID: mixed.csv line 122: scale mismatch for "overall": 1-5 here, 1-7 at mixed.csv line 2; one target needs one scale\n',
    );
    await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
      '--out',
      at('s.json'),
    );
    writeFileSync(at('five.csv'), ratingsCsv.replaceAll(',1-7,', ',0-10,'));
    const v = await candor(
      'model',
      'validate',
      at('s.json'),
      '--ratings',
      at('five.csv'),
      '--features',
      at('features.csv'),
    );
    expect(v.code).toBe(2);
    expect(v.err).toBe(
      'candor: RATINGS_INVALID: scale mismatch: the ratings are on 0-10, model overall-model on 1-7\n',
    );
  });

  it('exits 2 saying what cannot be computed with too few rated interviews', async () => {
    writeFileSync(at('few.csv'), ratingsCsv.split('\n').slice(0, 13).join('\n'));
    const r = await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('few.csv'),
      '--features',
      at('features.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^candor: RATINGS_INVALID: target overall: 6 rated interviews from 3 people; blind validation needs at least 10 rated interviews and at least 10 people .*cannot be computed and no model is trained\n$/,
    );
  });

  it('exits 2 for a demographic column and for a target nobody rated', async () => {
    writeFileSync(
      at('demo.csv'),
      featuresCsv
        .split('\n')
        .map((line, i) => `${line},${i === 0 ? 'age' : 30 + (i % 20)}`)
        .join('\n'),
    );
    const r = await candor(
      'model',
      'train',
      '--target',
      'overall',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('demo.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'candor: FEATURES_INVALID: column "age" is a demographic field and can never be a model input: remove it from the features\n',
    );
    const t = await candor(
      'model',
      'train',
      '--target',
      'excited',
      '--ratings',
      at('ratings.csv'),
      '--features',
      at('features.csv'),
    );
    expect(t.code).toBe(2);
    expect(t.err).toBe(
      'candor: RATINGS_INVALID: ratings.csv has no ratings for target "excited" (it rates: overall)\n',
    );
  });
});
