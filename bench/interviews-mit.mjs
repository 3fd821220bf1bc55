// Scores against people, on the MIT Interview Dataset (../shared/data/interviews-mit: 92 mock job
// interviews of 46 people, Overall and Excited rated 1–7 by crowd workers). For each target, the
// figures are cross-validated with folds grouped by person (both interviews of a person always on
// the same side), the penalty chosen inside each outer training part, r with a 95% bootstrap
// interval resampled by person — all in the same run, on the same folds:
//   (1) a model trained on Candor's own signals of the transcripts (every text signal);
//   (2) a model on an a-priori literature set of Candor's signals (Naim et al. 2018: unique words,
//       fillers, I-words, we-words, emotion words as words said, hedges), chosen before looking;
//   (3) the untrained expert framework's score (frameworks/default.yaml);
//   (4) word count alone;
//   (5) the literature set plus Candor's speaking rate, computed from the data set's answer
//       durations (the shipped reference model: scripts/train-reference-model.mjs);
//   (6) the data set's own Praat prosody (means per interview) plus Candor's text signals, with
//       Candor's speaking rate computed from the data set's answer durations: what the voice adds.
// Issue 11 goal: Overall r ≥ 0.6 from the transcripts alone. Needs the built dist/.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIT_DATA, mitTrainingData } from '../scripts/mit-training-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
if (!existsSync(MIT_DATA)) {
  console.error(`bench/interviews-mit.mjs needs ${MIT_DATA} (the shared real-data folder)`);
  process.exit(1);
}
const { trainModel } = await dist('model/train.js');
const { ratingsForTarget } = await dist('model/interview-ratings.js');
const { directionsFromFramework } = await dist('model/directions.js');
const { loadFramework } = await dist('assessment/index.js');
const { SIGNAL_CATALOGUE } = await dist('analysis/index.js');
const { withSpeakingRate, LITERATURE_SIGNALS } = await import('../scripts/mit-training-data.mjs');

const work = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-mit-'));
try {
  const started = performance.now();
  const { rows, parsed, prosody } = await mitTrainingData(work);
  const featureSeconds = (performance.now() - started) / 1000;
  const withProsody = withSpeakingRate(rows, prosody);
  const directions = directionsFromFramework(
    loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id))),
  );
  const fmt = (f) => (f ? `${f.r.toFixed(2)} [${f.ci[0].toFixed(2)}, ${f.ci[1].toFixed(2)}]` : 'n/a');
  console.log(
    `MIT Interview Dataset: ${rows.length} interviews, ${new Set(rows.map((r) => r.person)).size} people; ` +
      `features in ${featureSeconds.toFixed(1)} s; 5 outer folds grouped by person, seed 1`,
  );
  for (const target of ['overall', 'excited']) {
    const { scale, ratings } = ratingsForTarget(parsed.ratings, target, rows, parsed.file);
    const train = (label, data, signals) => {
      const t0 = performance.now();
      const model = trainModel({
        rows: data,
        ratings,
        target,
        scale,
        directions,
        ...(signals ? { signals } : {}),
      });
      return { label, model, seconds: (performance.now() - t0) / 1000 };
    };
    const text = train('trained on Candor text signals (transcripts)', rows);
    const literature = train('a-priori literature set (transcripts)', rows, LITERATURE_SIGNALS);
    const voice = train('Praat prosody + speaking rate + Candor text signals', withProsody);
    const paced = train('literature set + speaking rate (reference model)', withProsody, LITERATURE_SIGNALS);
    const v = text.model.validation;
    const baseline = (name) => v.baselines.find((b) => b.name.startsWith(name));
    const lines = [
      [text.label, v.crossValidated, `${text.model.features.length} features, ${text.seconds.toFixed(1)} s`],
      [
        literature.label,
        literature.model.validation.crossValidated,
        `${literature.model.features.length} features`,
      ],
      ['expert framework, untrained', baseline('expert')?.figures, baseline('expert')?.reason ?? ''],
      ['word count alone', baseline('word count')?.figures, baseline('word count')?.reason ?? ''],
      [paced.label, paced.model.validation.crossValidated, `${paced.model.features.length} features`],
      [voice.label, voice.model.validation.crossValidated, `${voice.model.features.length} features`],
    ];
    console.log(
      `\n${target}: grouped-CV Pearson r [95% CI]${target === 'overall' ? '  (goal: r ≥ 0.6 from transcripts)' : ''}`,
    );
    for (const [label, figures, note] of lines) {
      console.log(`  ${label.padEnd(54)} ${fmt(figures).padEnd(20)} ${note}`);
    }
    const best = Math.max(v.crossValidated.r, literature.model.validation.crossValidated.r);
    console.log(
      `  transcripts-only best r ${best.toFixed(2)} vs word count ${(baseline('word count')?.figures?.r ?? NaN).toFixed(2)}; ` +
        `with prosody ${voice.model.validation.crossValidated.r.toFixed(2)}` +
        (target === 'overall' ? `: ${best >= 0.6 ? 'goal met' : 'goal NOT met from transcripts'}` : ''),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
