import { readFileSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { compareVectors, createSemanticModel, createSimilarity, semanticModelOf } from './similarity.js';
import { need, requires } from '../../../test-helpers.js';

const CLINC = new URL('../../../../../shared/data/intents-clinc150/train_val.json', import.meta.url);
const QMSUM = new URL('../../../../../shared/data/meetings-qmsum/Product/', import.meta.url);

/** Deterministic pseudo-random numbers (Numerical Recipes LCG), so the sampled pairs never change. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function meetingTurns(limit: number): string[] {
  const turns: string[] = [];
  for (const file of readdirSync(QMSUM)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const meeting = JSON.parse(readFileSync(new URL(file, QMSUM), 'utf8')) as {
      meeting_transcripts: { content: string }[];
    };
    for (const turn of meeting.meeting_transcripts) {
      // QMSum marks non-speech as {vocalsound}, {disfmarker}; they are not words anyone said.
      const text = turn.content
        .replace(/\{\w+\}/g, ' ')
        .replace(/\s+([,.?!'])/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.split(' ').length >= 12) turns.push(text);
      if (turns.length >= limit) return turns;
    }
  }
  return turns;
}

requires(need.wordVectors()).describe('createSimilarity', () => {
  const similarity = createSimilarity(loadEmbeddings());

  it('gives 1 for the same text, 0 for texts without content words, and stays within 0–1', () => {
    const text = 'I negotiated a new delivery schedule with the supplier.';
    expect(similarity(text, text)).toBeCloseTo(1, 6);
    expect(similarity('', text)).toBe(0);
    expect(similarity('Um, uh, yeah, okay.', text)).toBe(0);
    const value = similarity('We shipped the release late', 'Our cat sleeps all afternoon');
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });

  it('ranks a paraphrase above an unrelated sentence', () => {
    const a = 'I fixed the bug in the payment code.';
    expect(similarity(a, 'I resolved the defect in the billing software.')).toBeGreaterThan(
      similarity(a, 'We went hiking in the mountains last summer.') + 0.15,
    );
    const b = 'My manager asked me to cut the budget.';
    expect(similarity(b, 'My boss wanted me to reduce our spending.')).toBeGreaterThan(
      similarity(b, 'The choir sang at the festival.') + 0.15,
    );
  });

  it('does not reward repeating a word: the weight of a term stops growing at its third use', () => {
    const question = 'How do you handle conflict?';
    const once = 'I handle conflict by listening to both sides first and then proposing a compromise.';
    const stuffed = `${once} Conflict conflict conflict conflict conflict conflict conflict conflict.`;
    const thrice = `${once} Conflict, conflict.`; // 1 + ln 3 > 2: already at the cap
    expect(similarity(question, stuffed)).toBeCloseTo(similarity(question, thrice), 9);
  });

  it('is deterministic: the same pair gives the same number across calls and models', () => {
    const pairs: [string, string][] = [
      ['We missed the deadline because the vendor was late.', 'The supplier delivered after the due date.'],
      ['I trained two new analysts.', 'I mentored junior staff.'],
    ];
    const first = pairs.map(([a, b]) => similarity(a, b));
    const again = pairs.map(([a, b]) => similarity(a, b));
    const fresh = createSimilarity(loadEmbeddings());
    expect(again).toEqual(first);
    expect(pairs.map(([a, b]) => fresh(a, b))).toEqual(first);
  });

  it('gives the token-level API the same answer as the text API, so the pipeline need not tokenise twice', () => {
    const model = semanticModelOf(similarity);
    expect(model).not.toBeNull();
    if (!model) return;
    const answer = 'At my last job I organised the migration. We moved forty services in three months.';
    const question = 'Tell me about a large project you delivered.';
    const doc = docFromText(answer);
    expect(compareVectors(model.document(doc).whole, model.text(question))).toBeCloseTo(
      similarity(answer, question),
      9,
    );
    expect(model.document(doc).sentences).toHaveLength(2);
    expect(semanticModelOf((a: string, b: string) => (a === b ? 1 : 0))).toBeNull();
  });
});

requires(
  need.wordVectors(),
  need.sharedData('intents-clinc150/train_val.json'),
  need.sharedData('meetings-qmsum/Product'),
).describe('createSimilarity on real data', () => {
  it('puts two requests of the same CLINC150 intent closer than two of different intents (val split, 300 + 300 pairs)', () => {
    const data = JSON.parse(readFileSync(CLINC, 'utf8')) as { val: [string, string][] };
    const byIntent = new Map<string, string[]>();
    for (const [text, intent] of data.val) byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
    const intents = [...byIntent.keys()].sort();
    const next = random(20_240_611);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const same: [string, string][] = [];
    const different: [string, string][] = [];
    while (same.length < 300) {
      const texts = byIntent.get(pick(intents)) ?? [];
      const a = pick(texts);
      const b = pick(texts);
      if (a !== b) same.push([a, b]);
    }
    while (different.length < 300) {
      const i = pick(intents);
      const j = pick(intents);
      if (i !== j) different.push([pick(byIntent.get(i) ?? []), pick(byIntent.get(j) ?? [])]);
    }
    const similarity = createSimilarity(loadEmbeddings());
    const sameScores = same.map(([a, b]) => similarity(a, b));
    const differentScores = different.map(([a, b]) => similarity(a, b));
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    let wins = 0;
    for (const s of sameScores) for (const d of differentScores) wins += s > d ? 1 : s === d ? 0.5 : 0;
    const auc = wins / (sameScores.length * differentScores.length);
    console.log(
      `CLINC150 val: same intent ${mean(sameScores).toFixed(3)}, different ${mean(differentScores).toFixed(3)}, AUC ${auc.toFixed(3)}`,
    );
    expect(mean(sameScores) - mean(differentScores)).toBeGreaterThan(0.2);
    expect(auc).toBeGreaterThan(0.85);
  });

  // Speed (≥ 25,000 words/s through the text API, beside the token API) is a figure of
  // `npm run bench` (bench/semantic.mjs), not a test.
  it('scores 1,200 real meeting turns through the text API, each pair in [-1, 1]', () => {
    const turns = meetingTurns(1200);
    expect(turns).toHaveLength(1200);
    const model = createSemanticModel(loadEmbeddings());
    for (let i = 1; i < turns.length; i++) {
      const score = model.similarity(turns[i - 1] ?? '', turns[i] ?? '');
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
