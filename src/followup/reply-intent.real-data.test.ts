import vader from 'vader-sentiment';
import { expect } from 'vitest';
import { need, requires, SHARED_DATA } from '../test-helpers.js';
import { clincHeldOut, goEmotions, scores } from './reply-eval.js';
import { classifyReply } from './reply-intent.js';

// Held-out figures on real data stay above floors a little under what bench/reply-classifier.mjs
// measured (docs/agent-classifier.md): CLINC150 val and GoEmotions dev are never trained on.
const it = requires(need.sharedData('intents-clinc150'), need.sharedData('emotions-goemotions')).it;

it('intent macro-F1 on CLINC150 val (mapped intents + out-of-scope) stays ≥ 0.85; whole val ≥ 0.71', () => {
  const { goal, all } = clincHeldOut(SHARED_DATA);
  const classes = [...new Set(goal.map((r) => r.intent))];
  const predicted = new Map(all.map((r) => [r, classifyReply(r.text).intent]));
  const onGoal = scores(
    goal.map((r) => r.intent),
    goal.map((r) => predicted.get(r)),
    classes,
  );
  const onAll = scores(
    all.map((r) => r.intent),
    all.map((r) => predicted.get(r)),
    classes,
  );
  expect(goal.length).toBe(260);
  expect(onGoal.macroF1).toBeGreaterThanOrEqual(0.85);
  expect(onAll.macroF1).toBeGreaterThanOrEqual(0.71);
}, 60_000);

it('frustration F1 on GoEmotions dev stays ≥ 0.45 and 0.08 above the VADER-negativity baseline', () => {
  const { dev } = goEmotions(SHARED_DATA);
  const gold = dev.map((r) => r.frustrated);
  const ours = scores(
    gold,
    dev.map((r) => classifyReply(r.text).frustrated),
    [true],
  ).perClass.true!;
  // −0.3: the compound threshold bench/reply-classifier.mjs chooses on GoEmotions train.
  const baseline = scores(
    gold,
    dev.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound < -0.3),
    [true],
  ).perClass.true!;
  expect(ours.f1).toBeGreaterThanOrEqual(0.45);
  expect(ours.f1 - baseline.f1).toBeGreaterThanOrEqual(0.08);
}, 60_000);
