/**
 * Held-out data and scores for the reply classifier: read by bench/reply-classifier.mjs and by
 * the real-data test, so both measure the same rows the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { intentOfClincLabel, type ReplyIntent } from './reply-intents.js';

export interface LabelledReply {
  readonly text: string;
  readonly label: string;
  readonly intent: ReplyIntent;
}

/**
 * CLINC150's val split (never trained on): `goal` = rows whose label maps to an agent intent +
 * the out-of-scope rows as `other` (the issue's measure); `all` = every val row, unmapped → other.
 */
export function clincHeldOut(dataDir: string): { goal: LabelledReply[]; all: LabelledReply[] } {
  const json = JSON.parse(readFileSync(path.join(dataDir, 'intents-clinc150', 'train_val.json'), 'utf8')) as {
    val: Array<[string, string]>;
    oos_val: Array<[string, string]>;
  };
  const all = [...json.val, ...json.oos_val].map(([text, label]) => ({
    text,
    label,
    intent: intentOfClincLabel(label),
  }));
  return { goal: all.filter((r) => r.intent !== 'other' || r.label === 'oos'), all };
}

/** Labels that make a GoEmotions comment frustrated. */
export const FRUSTRATED_EMOTIONS = ['annoyance', 'anger', 'disappointment'] as const;

/** GoEmotions train and dev, each comment with whether it is frustrated. */
export function goEmotions(
  dataDir: string,
): Record<'train' | 'dev', Array<{ text: string; frustrated: boolean }>> {
  const folder = path.join(dataDir, 'emotions-goemotions');
  const labels = readFileSync(path.join(folder, 'labels.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const ids = new Set(FRUSTRATED_EMOTIONS.map((name) => String(labels.indexOf(name))));
  const read = (file: string) =>
    readFileSync(path.join(folder, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'))
      .map(([text = '', labelIds = '']) => ({
        text,
        frustrated: labelIds.split(',').some((id) => ids.has(id)),
      }));
  return { train: read('train.tsv'), dev: read('dev.tsv') };
}

export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/**
 * Precision, recall and F1 of each class in `classes`, their macro mean, and accuracy.
 * @example scores(['a', 'b'], ['a', 'a'], ['a', 'b']).macroF1 // 0.333…
 */
export function scores<T>(
  gold: readonly T[],
  predicted: readonly T[],
  classes: readonly T[],
): { macroF1: number; accuracy: number; perClass: Record<string, ClassScores> } {
  const perClass: Record<string, ClassScores> = {};
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === c && g === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    });
    perClass[String(c)] = {
      precision: tp + fp === 0 ? 0 : tp / (tp + fp),
      recall: tp + fn === 0 ? 0 : tp / (tp + fn),
      f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
      support: tp + fn,
    };
  }
  const f1s = Object.values(perClass).map((s) => s.f1);
  return {
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    accuracy: gold.filter((g, i) => predicted[i] === g).length / gold.length,
    perClass,
  };
}
