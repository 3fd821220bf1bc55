#!/usr/bin/env node
/**
 * Trains the shipped reference model `models/reference-overall.json` on the MIT Interview Dataset
 * (../shared/data/interviews-mit): ridge on the a-priori literature set of Candor's signals
 * (LITERATURE_SIGNALS in scripts/mit-training-data.mjs) plus speaking rate, which the training
 * data takes from the recorded answers' durations. Validation: nested cross-validation grouped by
 * person and a 20% holdout of people, both written into the file.
 *
 * Usage: npm run build && node scripts/train-reference-model.mjs [--out models/reference-overall.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LITERATURE_SIGNALS, mitTrainingData, withSpeakingRate } from './mit-training-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, 'models', 'reference-overall.json'));

const { trainModel } = await dist('model/train.js');
const { ratingsForTarget } = await dist('model/interview-ratings.js');
const { directionsFromFramework } = await dist('model/directions.js');
const { renderModelReport } = await dist('model/report.js');
const { loadFramework } = await dist('assessment/index.js');
const { SIGNAL_CATALOGUE } = await dist('analysis/index.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'candor-reference-'));
try {
  const { rows, parsed, prosody } = await mitTrainingData(work);
  // Only Candor's own signals: the Praat columns are dropped, speaking rate stays.
  const data = withSpeakingRate(rows, prosody);
  const { scale, ratings } = ratingsForTarget(parsed.ratings, 'overall', data, parsed.file);
  const framework = loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id)));
  const model = trainModel({
    rows: data,
    ratings,
    target: 'overall',
    scale,
    directions: directionsFromFramework(framework),
    signals: LITERATURE_SIGNALS,
    options: {
      id: 'reference-overall',
      version: 1,
      name: 'Reference: overall interview performance (MIT mock interviews)',
      population:
        'MIT undergraduates in mock job interviews for internships (46 people, 2 interviews each, before and after coaching), ' +
        'rated 1–7 for overall performance by 9 Amazon Mechanical Turk workers (their weighted mean). ' +
        'Not validated for other populations, roles or languages: train on your own raters.',
      source:
        'MIT Interview Dataset (Naim et al., FG 2015 / IEEE TAC 2018) via ../shared/data/interviews-mit; ' +
        "speaking rate from the data set's answer durations (prosodic_features.csv)",
      createdAt: '2026-12-05T00:00:00.000Z',
    },
  });
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
  process.stdout.write(renderModelReport(model, 'text'));
  process.stdout.write(`\nwritten: ${path.relative(process.cwd(), out)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
