/**
 * The trained part of the reply classifier: two linear models over word and word-pair features,
 * read from `models/reply-classifier/reply-classifier.json` (written by
 * `scripts/train-reply-classifier.mjs`; docs/agent-classifier.md says how).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vader from 'vader-sentiment';
import { z } from 'zod';
import { loadEmbeddings } from '../analysis/language/semantic/index.js';
import { CandorError, packageRoot } from '../core/index.js';
import { textFeatures, words } from './reply-text.js';

const Weights = z.record(z.string(), z.array(z.number()));
const ModelFileSchema = z.object({
  format: z.literal('candor-reply-classifier/1'),
  intent: z.object({
    classes: z.array(z.string()).min(2),
    bias: z.array(z.number()),
    weights: Weights,
  }),
  frustration: z.object({
    bias: z.number(),
    /** Probability at or above which a reply counts as frustrated; chosen by cross-validation on train. */
    threshold: z.number().min(0).max(1),
    weights: z.record(z.string(), z.number()),
  }),
});
export type ReplyModelFile = z.infer<typeof ModelFileSchema>;

/** Where the committed model lives. */
export function replyModelPath(): string {
  return path.join(packageRoot(), 'models', 'reply-classifier', 'reply-classifier.json');
}

let cached: ReplyModelFile | undefined;

/** The committed model, read and checked once. */
export function replyModel(): ReplyModelFile {
  if (cached) return cached;
  const file = replyModelPath();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CandorError(
      'ASSET_MISSING',
      `${file}: cannot read the reply classifier's model`,
      { file },
      {
        cause: error,
      },
    );
  }
  const parsed = ModelFileSchema.safeParse(json);
  if (!parsed.success)
    throw new CandorError('MODEL_INVALID', `${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
      file,
    });
  return (cached = parsed.data);
}

/**
 * Extra features of frustration beside the words: VADER's negativity and positivity (Hutto &
 * Gilbert 2014), repeated exclamation, and shouting (two or more words in capitals).
 */
export function frustrationCues(text: string): Array<[string, number]> {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  const shouted = (text.match(/\b[A-Z]{3,}\b/g) ?? []).length;
  return [
    ['vader:negative', Math.max(0, -compound)],
    ['vader:positive', Math.max(0, compound)],
    ['cue:exclamations', /[!?]\s*!|!\s*\?/.test(text) ? 1 : 0],
    ['cue:shouting', shouted >= 2 ? 1 : 0],
  ];
}

/**
 * The text's meaning as 100 dense features: the sum of its words' GloVe vectors (the package's
 * `dist/assets/glove-100d.bin`, docs/agent-classifier.md) over the square root of their number,
 * so "I'm fed up" and "I'm sick of this" land near each other though they share no word.
 */
export function meaningFeatures(text: string): Array<[string, number]> {
  const embeddings = loadEmbeddings();
  const sum = new Float64Array(embeddings.dims);
  let n = 0;
  for (const word of words(text)) {
    const row = embeddings.indexOf(word);
    if (row < 0) continue;
    embeddings.addTo(sum, row, 1);
    n++;
  }
  if (n === 0) return [];
  const scale = 1 / Math.sqrt(n);
  return Array.from(sum, (value, i): [string, number] => [`emb:${i}`, value * scale]);
}

/** Every feature of the frustration model for a text, with its value. */
export function frustrationFeatures(text: string): Array<[string, number]> {
  return [
    ...textFeatures(text).map((f): [string, number] => [f, 1]),
    ...frustrationCues(text),
    ...meaningFeatures(text),
  ];
}

/** Probabilities of each intent class (softmax of the linear scores), in `model.intent.classes` order. */
export function intentProbabilities(text: string, model = replyModel()): number[] {
  const scores = [...model.intent.bias];
  for (const feature of textFeatures(text)) {
    const w = model.intent.weights[feature];
    if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k] ?? 0;
  }
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Probability that a text is frustrated (logistic), 0–1. */
export function frustrationProbability(text: string, model = replyModel()): number {
  let z = model.frustration.bias;
  for (const [feature, value] of frustrationFeatures(text))
    z += (model.frustration.weights[feature] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}
