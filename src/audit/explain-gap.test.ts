import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCandor as candor } from '../cli/test-helpers.js';
import type { ScorecardModel } from '../domain/index.js';
import { tempDir } from '../pipeline/test-helpers.js';
import { openStore } from '../store/index.js';
import { addCandidate, sampleAnalysis, sampleScorecardBody } from '../store/store-fixtures.suite.js';
import { seededRandom } from '../validation/index.js';
import { contributionsOf, explainGap, type GapSubject } from './explain-gap.js';

/**
 * Planted: 40 people per group; `pace` gives group b 8 points less on average, `skill` and
 * `filler` are drawn alike in both groups (only noise differs).
 */
function planted(seed = 5) {
  const random = seededRandom(seed);
  const noise = (sd: number) => sd * (random() + random() + random() - 1.5);
  return Array.from({ length: 80 }, (_, i) => {
    const inB = i % 2 === 1;
    return {
      inB,
      contributions: {
        skill: noise(6),
        pace: (inB ? -4 : 4) + noise(2),
        filler: noise(3),
      },
    };
  });
}

describe('explainGap', () => {
  it('ranks the planted feature first, with the mean contribution per group and the difference', () => {
    const subjects: GapSubject[] = planted().map((p) => ({
      group: p.inB ? 'b' : 'a',
      contributions: { source: 'model', values: p.contributions },
    }));
    const gap = explainGap(subjects, 'b', 'a');
    expect(gap).toMatchObject({
      group: 'b',
      reference: 'a',
      source: 'model',
      flaggedCount: 40,
      referenceCount: 40,
    });
    expect(gap.features.map((f) => f.feature)[0]).toBe('pace');
    const pace = gap.features[0]!;
    expect(pace.difference).toBeCloseTo(pace.flaggedMean - pace.referenceMean, 12);
    expect(pace.difference).toBeLessThan(-7);
    expect(Math.abs(gap.features[1]!.difference)).toBeLessThan(2);
  });

  it('uses the framework when a member has no model contributions, and says who was left out', () => {
    const subjects: GapSubject[] = [
      { group: 'a', contributions: { source: 'framework', values: { 'communication: talkShare': 10 } } },
      { group: 'b', contributions: { source: 'framework', values: { 'communication: talkShare': 4 } } },
      { group: 'b', contributions: { source: 'model', values: { pace: 1 } } },
      { group: 'b', contributions: null },
    ];
    const gap = explainGap(subjects, 'b', 'a');
    expect(gap.source).toBe('framework');
    expect(gap.features).toEqual([
      { feature: 'communication: talkShare', flaggedMean: 4, referenceMean: 10, difference: -6 },
    ]);
    expect(gap.notes).toEqual([
      '2 members of the two groups left out: no scorecard, or contributions of another kind.',
    ]);
    expect(explainGap([{ group: 'a', contributions: null }], 'b', 'a').notes[0]).toBe(
      'No scorecard of b or a records contributions, so the gap cannot be explained.',
    );
  });

  it("reads a scorecard body's model contributions in points, else its competencies' signals", () => {
    expect(
      contributionsOf({ model: { contributions: [{ signal: 'pace', contribution: -0.0425 }] } }),
    ).toEqual({
      source: 'model',
      values: { pace: -4.25 },
    });
    expect(
      contributionsOf({
        competencies: [{ id: 'clarity', signals: [{ signal: 'fillerWordsPer100', contribution: 12.5 }] }],
      }),
    ).toEqual({ source: 'framework', values: { 'clarity: fillerWordsPer100': 12.5 } });
    expect(contributionsOf(null)).toBeNull();
  });
});

describe('candor audit: What drives the gap', () => {
  const data = tempDir('candor-gap-');
  afterAll(data.cleanup);
  beforeAll(async () => {
    const store = await openStore({ dataDir: data.dir });
    const lines: string[] = [];
    try {
      const ws = await store.workspaces.ensure({ slug: 'default' });
      const job = await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: 'x' });
      for (const [i, p] of planted().entries()) {
        const c = await addCandidate(store, ws, job, `Person ${i}`);
        const total = Object.values(p.contributions).reduce((s, v) => s + v, 0);
        const score = Math.round((50 + total) * 10) / 10;
        const model: ScorecardModel = {
          id: 'overall-model',
          version: 1,
          target: 'overall',
          name: 'overall',
          population: 'synthetic',
          prediction: { onScale: score / 100, scale: { min: 0, max: 1 }, score },
          validation: { passes: true, verdict: 'passes', r: 0.7, ci: [0.6, 0.8], threshold: 0.6 },
          contributions: Object.entries(p.contributions).map(([signal, points]) => ({
            signal,
            name: signal,
            unit: '',
            value: 0,
            mean: 0,
            sd: 1,
            weight: 0.01,
            contribution: points / 100,
            points,
            evidence: [],
          })),
        };
        const analysis = sampleAnalysis(c.interview.id, `t${i}`, score);
        await store.analyses.save({
          ...analysis,
          scorecard: { ...analysis.scorecard, body: { ...sampleScorecardBody(score, `t${i}`), model } },
        });
        lines.push(`${c.candidate.id},${p.inB ? 'male' : 'female'},declined,declined`);
      }
    } finally {
      await store.close();
    }
    const file = path.join(data.dir, 'demographics.csv');
    fs.writeFileSync(file, ['candidate,sex,race_ethnicity,age_band', ...lines].join('\n') + '\n');
    expect((await candor('demographics', 'import', file, '--data-dir', data.dir)).code).toBe(0);
  });

  it('shows, for the flagged group, the planted feature first', async () => {
    const { code, out, err } = await candor('audit', '--data-dir', data.dir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('- Adverse impact indicated (under four-fifths and significant at 0.05): male');
    const section = out.slice(out.indexOf('## What drives the gap'));
    expect(section).toContain('### Sex: Male vs Female (reference)');
    expect(section).toContain(
      "- Contributions: the trained model's contributions, in points of its 0–100 prediction; scorecards: 40 of Male, 40 of Female",
    );
    const rows = section.split('\n').filter((l) => /^\| (skill|pace|filler) \|/.test(l));
    expect(rows[0]).toMatch(/^\| pace \| -\d\.\d\d \| \d\.\d\d \| -\d\.\d\d \|$/);
    const json = JSON.parse((await candor('audit', '--format', 'json', '--data-dir', data.dir)).out) as {
      gaps: { group: string; features: { feature: string }[] }[];
    };
    expect(json.gaps.map((g) => [g.group, g.features[0]!.feature])).toEqual([['male', 'pace']]);
    const html = (await candor('audit', '--format', 'html', '--data-dir', data.dir)).out;
    expect(html).toContain('<h2>What drives the gap</h2>');
    expect(html).toMatch(/<tr><td>pace<\/td><td>-\d\.\d\d<\/td>/);
  });
});
