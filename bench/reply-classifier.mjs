// The follow-up agent's reply classifier (issue 14) on held-out real data, in one run:
//   intent: macro-F1 on the CLINC150 val split (Larson et al. 2019, CC BY 3.0), rows whose label
//     maps to an agent intent (src/followup/reply-intents.ts) + the out-of-scope val rows as
//     `other`; per-intent P/R/F1; beside the rules alone and the trained model alone. Also the
//     whole val split with the 140 unmapped intents as `other` (closer to real replies).
//   frustration: F1 on GoEmotions dev (Demszky et al. 2020, Apache-2.0; frustrated = annoyance,
//     anger or disappointment) of classifyReply().frustrated, beside a plain VADER-negativity
//     baseline (compound < t, t chosen on the TRAIN split) measured here.
//   speed: replies per second of classifyReply beside VADER alone, on the same dev texts.
// Issue 14 goals: intent macro-F1 ≥ 0.85; frustration F1 ≥ baseline + 0.10. Nothing here is
// tuned on val or dev. Needs ../shared/data and the built dist/ (`npm run bench`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vader from 'vader-sentiment';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const data = path.resolve(root, '..', 'shared', 'data');
for (const folder of ['intents-clinc150', 'emotions-goemotions'])
  if (!existsSync(path.join(data, folder))) {
    console.error(
      `bench/reply-classifier.mjs needs ${path.join(data, folder)} (the shared real-data folder)`,
    );
    process.exit(1);
  }
const { classifyReply } = await dist('followup/reply-intent.js');
const { intentProbabilities, replyModel } = await dist('followup/reply-model.js');
const { matchRules } = await dist('followup/reply-rules.js');
const { replyBody } = await dist('followup/reply-text.js');
const { clincHeldOut, goEmotions, scores } = await dist('followup/reply-eval.js');

const f = (x) => x.toFixed(3);

// ---- Intent ---------------------------------------------------------------------------------
const { goal, all } = clincHeldOut(data);
const model = replyModel();
const modelAlone = (text) => {
  const p = intentProbabilities(replyBody(text), model);
  return model.intent.classes[p.indexOf(Math.max(...p))];
};
const rulesAlone = (text) => matchRules(replyBody(text))?.intent ?? 'other';
const full = (text) => classifyReply(text).intent;
const classes = [...new Set(goal.map((r) => r.intent))].sort();
console.log(
  `Intent on CLINC150 val: ${goal.length} rows (mapped intents + out-of-scope as other); macro-F1 over ${classes.join(', ')}`,
);
const runs = [
  ['classifyReply (rules + model)', full],
  ['trained model alone', modelAlone],
  ['rules alone (no match: other)', rulesAlone],
].map(([name, fn]) => [
  name,
  scores(
    goal.map((r) => r.intent),
    goal.map((r) => fn(r.text)),
    classes,
  ),
]);
for (const [name, s] of runs)
  console.log(`  ${name.padEnd(32)} macro-F1 ${f(s.macroF1)}   accuracy ${f(s.accuracy)}`);
console.log('  goal ≥ 0.850:', runs[0][1].macroF1 >= 0.85 ? 'met' : 'MISSED');
console.log('\n  per intent (classifyReply)     precision  recall  F1     rows');
for (const c of classes) {
  const s = runs[0][1].perClass[c];
  console.log(`  ${c.padEnd(30)} ${f(s.precision)}      ${f(s.recall)}   ${f(s.f1)}  ${s.support}`);
}
const allScores = scores(
  all.map((r) => r.intent),
  all.map((r) => full(r.text)),
  classes,
);
console.log(
  `\n  whole val split (${all.length} rows, the 140 unmapped CLINC intents as other): macro-F1 ${f(allScores.macroF1)}, ` +
    `other: P ${f(allScores.perClass.other.precision)} R ${f(allScores.perClass.other.recall)}`,
);

// ---- Frustration ------------------------------------------------------------------------------
const { train, dev } = goEmotions(data);
const compound = (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
const trainCompound = train.map((r) => compound(r.text));
let baseline = { threshold: 0, f1: -1 };
for (let t = -0.95; t <= 0.5; t += 0.05) {
  const s = scores(
    train.map((r) => r.frustrated),
    trainCompound.map((c) => c < t),
    [true],
  );
  if (s.macroF1 > baseline.f1) baseline = { threshold: Math.round(t * 100) / 100, f1: s.macroF1 };
}
const gold = dev.map((r) => r.frustrated);
// Warm both up on the first 500 dev comments, so neither is timed while the JIT compiles it.
for (const r of dev.slice(0, 500)) {
  classifyReply(r.text);
  compound(r.text);
}
const started = performance.now();
const ours = dev.map((r) => classifyReply(r.text));
const oursSeconds = (performance.now() - started) / 1000;
const started2 = performance.now();
const devCompound = dev.map((r) => compound(r.text));
const vaderSeconds = (performance.now() - started2) / 1000;
const frustration = scores(
  gold,
  ours.map((r) => r.frustrated),
  [true],
).perClass.true;
const modelOnly = scores(
  gold,
  ours.map((r) => r.frustration >= model.frustration.threshold),
  [true],
).perClass.true;
const vaderScores = scores(
  gold,
  devCompound.map((c) => c < baseline.threshold),
  [true],
).perClass.true;
console.log(
  `\nFrustration on GoEmotions dev: ${dev.length} comments, ${gold.filter(Boolean).length} frustrated (annoyance, anger or disappointment)`,
);
console.log('                                               precision  recall  F1');
const row = (name, s) =>
  console.log(`  ${name.padEnd(44)} ${f(s.precision)}      ${f(s.recall)}   ${f(s.f1)}`);
row('classifyReply().frustrated', frustration);
row(`  its model alone (p ≥ ${model.frustration.threshold})`, modelOnly);
row(`VADER baseline (compound < ${baseline.threshold}, on train)`, vaderScores);
const margin = frustration.f1 - vaderScores.f1;
console.log(
  `  F1 above the baseline: ${margin >= 0 ? '+' : ''}${f(margin)} (goal ≥ +0.100: ${margin >= 0.1 ? 'met' : 'MISSED'})`,
);

// ---- Speed ------------------------------------------------------------------------------------
const perSecond = (s) => Math.round(dev.length / s);
console.log(`\nSpeed on the ${dev.length} dev comments (one process, warm):`);
console.log(`  classifyReply (intent + frustration)    ${perSecond(oursSeconds)} replies/s`);
console.log(`  VADER alone (the baseline)              ${perSecond(vaderSeconds)} replies/s`);
console.log(
  `  ratio                                   ${(vaderSeconds / oursSeconds).toFixed(2)}× VADER's speed`,
);
