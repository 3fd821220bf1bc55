import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCandor as candor } from '../cli/test-helpers.js';
import { parseModel } from './model-file.js';
import { plantedBiasData } from './synthetic-data.js';

// `candor model train --reweigh sex --demographics FILE` end to end, on the planted-bias data.
const dir = mkdtempSync(path.join(tmpdir(), 'candor-reweigh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const data = plantedBiasData({ people: 120, seed: 2 });
writeFileSync(
  at('features.csv'),
  [
    'interview,person,skill,pace',
    ...data.rows.map((r) => `${r.interview},${r.person},${r.values.skill},${r.values.pace}`),
  ].join('\n') + '\n',
);
writeFileSync(
  at('ratings.csv'),
  [
    'interview,rater,target,score,scale,person',
    ...data.ratings.map((r) => `${r.interview},r1,overall,${1 + 6 * r.value},1-7,${r.person}`),
  ].join('\n') + '\n',
);
writeFileSync(
  at('demographics.csv'),
  [
    'person,sex,race_ethnicity,age_band',
    ...[...data.demographics].map(([p, d]) => `${p},${d.sex},${d.raceEthnicity},${d.ageBand}`),
  ].join('\n') + '\n',
);
const base = [
  'model',
  'train',
  '--target',
  'overall',
  '--ratings',
  at('ratings.csv'),
  '--features',
  at('features.csv'),
];

describe('candor model train --reweigh', () => {
  it('prints validity and impact ratios before and after, and writes a model file without demographic values', async () => {
    const r = await candor(
      ...base,
      '--reweigh',
      'sex',
      '--demographics',
      at('demographics.csv'),
      '--out',
      at('m.json'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Mitigation: re-weighing, with its cost');
    expect(r.out).toMatch(/cross-validated r \[95% CI\]\s+0\.\d\d \[/);
    expect(r.out).toMatch(/lowest impact ratio \(scoring\)\s+0\.600\s+0\.667\s+\+0\.067/);
    const text = readFileSync(at('m.json'), 'utf8');
    const model = parseModel(JSON.parse(text), 'm.json');
    expect(model.validation.method).toMatch(/^trained with re-weighing on sex/);
    for (const value of ['female', 'male', 'declined', 'race_ethnicity', 'age_band'])
      expect(text).not.toContain(value);
  });

  it('needs both options, a known attribute, and people who are in the features', async () => {
    const one = await candor(...base, '--reweigh', 'sex', '--out', at('x.json'));
    expect(one.code).not.toBe(0);
    expect(one.err).toContain('--reweigh <attribute> and --demographics <csv> go together');
    const bad = await candor(
      ...base,
      '--reweigh',
      'height',
      '--demographics',
      at('demographics.csv'),
      '--out',
      at('x.json'),
    );
    expect(bad.err).toContain('--reweigh: expected one of sex, race_ethnicity, age_band, got "height"');
    writeFileSync(
      at('stray.csv'),
      'person,sex,race_ethnicity,age_band\np1,female,declined,declined\nnobody,male,declined,declined\n',
    );
    const stray = await candor(
      ...base,
      '--reweigh',
      'sex',
      '--demographics',
      at('stray.csv'),
      '--out',
      at('x.json'),
    );
    expect(stray.err).toContain('stray.csv line 3, column person: "nobody" is in no row of the features');
    writeFileSync(at('odd.csv'), 'person,sex,race_ethnicity,age_band\np1,femme,declined,declined\n');
    const odd = await candor(
      ...base,
      '--reweigh',
      'sex',
      '--demographics',
      at('odd.csv'),
      '--out',
      at('x.json'),
    );
    expect(odd.err).toContain('odd.csv line 2, column sex: "femme" is not a sex value');
  });
});
