import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scorecardJson } from '../domain/index.js';
import { interviewFeaturesOf } from '../features/index.js';
import { builtInModel, loadModel } from '../model/built-in.js';
import { predict } from '../model/model-file.js';
import { analyzeFile } from './analyze-file.js';
import { defaultAnalyzer } from './default-analyzer.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = (name: string) => path.join(root, 'examples', 'interviews', name);
const options = { framework: 'default', questions: 'default' } as const;

describe('scoring with a trained model', () => {
  it('without a model the scorecard has no model field and its JSON is the framework scorecard alone', async () => {
    const { scorecard } = await analyzeFile(example('marcus-average.vtt'), options);
    expect('model' in scorecard).toBe(false);
    expect(scorecardJson(scorecard)).not.toContain('"model"');
  });

  it("records the model's id, version, prediction and every feature's contribution, and leaves the framework's scores as they are", async () => {
    const model = loadModel('reference-overall');
    const plain = await analyzeFile(example('marcus-average.vtt'), options);
    const scored = await analyzeFile(example('marcus-average.vtt'), { ...options, model });
    const { model: recorded, ...framework } = scored.scorecard;
    expect(framework).toEqual(plain.scorecard);
    expect(recorded).toBeDefined();
    const m = recorded!;
    expect(m).toMatchObject({
      id: 'reference-overall',
      version: model.version,
      target: 'overall',
      validation: { passes: false, verdict: model.validation.verdict },
    });
    expect(m.validation.r).toBeCloseTo(model.validation.crossValidated.r, 4);
    const features = interviewFeaturesOf(plain, defaultAnalyzer().catalogue);
    const expected = predict(model, features);
    expect(m.prediction.score).toBe(expected.score);
    expect(m.prediction.onScale).toBeCloseTo(expected.onScale, 2);
    expect(m.prediction.scale).toEqual({ min: 1, max: 7 });
    // Contributions: weight × standardised value, summing with the intercept to the prediction.
    expect(m.contributions.map((c) => c.signal).sort()).toEqual(model.features.map((f) => f.signal).sort());
    const total = model.intercept + m.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(Math.min(1, Math.max(0, total))).toBeCloseTo(expected.normalised, 3);
    for (const c of m.contributions) {
      const f = model.features.find((x) => x.signal === c.signal)!;
      expect(c.value).toBe(features[c.signal] ?? null);
      if (c.value !== null) expect(c.contribution).toBeCloseTo((f.weight * (c.value - f.mean)) / f.sd, 4);
      expect(c.points).toBeCloseTo(c.contribution * 100, 1);
    }
    const sizes = m.contributions.map((c) => Math.abs(c.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // The fillers the framework quotes are the model's evidence for the filler rate too.
    const fillers = m.contributions.find((c) => c.signal === 'fillerWordsPer100')!;
    expect(fillers.name).toBe('Filler words');
    const quoted = plain.scorecard.competencies
      .flatMap((c) => c.evidence)
      .filter((e) => e.signal === 'fillerWordsPer100');
    expect(fillers.evidence.length).toBe(
      Math.min(3, new Set(quoted.map((e) => `${e.response}|${e.start}|${e.quote}`)).size),
    );
    expect(fillers.evidence.length).toBeGreaterThan(0);
    // Interview totals get a readable name.
    expect(m.contributions.find((c) => c.signal === 'interviewUniqueWords')?.name).toBe(
      'Distinct words over all answers',
    );
    // The JSON a client gets carries the model.
    expect(JSON.parse(scorecardJson(scored.scorecard))).toEqual(JSON.parse(JSON.stringify(scored.scorecard)));
  });

  it('is reproducible: the same input and model version give the same scorecard, byte for byte', async () => {
    const model = builtInModel('reference-overall')!;
    const a = await analyzeFile(example('priya-strong.vtt'), { ...options, model });
    const b = await analyzeFile(example('priya-strong.vtt'), { ...options, model });
    expect(scorecardJson(a.scorecard)).toBe(scorecardJson(b.scorecard));
  });

  it('refuses an unknown model id or a bad file, naming it', () => {
    expect(() => loadModel('no-such-model')).toThrow(
      'no built-in model "no-such-model" and no such file (built-in models: reference-overall)',
    );
    expect(() => loadModel(example('marcus-average.vtt'))).toThrow(/^marcus-average.vtt: not JSON/);
  });
});
