/**
 * Checks a trained model on other rated interviews: the model as it is (fixed weights, blind only
 * if these people were not in its training data), and its feature list retrained and validated by
 * nested grouped cross-validation on this data.
 */
import { CandorError } from '../core/index.js';
import { agreementFigures, reasonOf } from './cross-validation.js';
import { predict, type FeatureRow, type ModelFile } from './model-file.js';
import type { FixedModelCheck } from './report.js';
import { trainModel, type InterviewRating, type TrainOptions } from './train.js';

export interface ModelCheck {
  readonly fixed: FixedModelCheck;
  /** The model's feature list and method, trained and validated afresh on this data. */
  readonly retrained: ModelFile;
}

/**
 * @example validateModel(model, features.rows, ratings, { min: 1, max: 7 }, 'features.csv').fixed.figures?.r
 */
export function validateModel(
  model: ModelFile,
  rows: readonly FeatureRow[],
  ratings: readonly InterviewRating[],
  scale: { readonly min: number; readonly max: number },
  featuresFile: string,
  options: Pick<TrainOptions, 'createdAt' | 'source'> = {},
): ModelCheck {
  if (scale.min !== model.scale.min || scale.max !== model.scale.max) {
    throw new CandorError(
      'RATINGS_INVALID',
      `scale mismatch: the ratings are on ${scale.min}-${scale.max}, model ${model.id} on ${model.scale.min}-${model.scale.max}`,
      { model: model.id },
    );
  }
  const columns = new Set(rows.flatMap((r) => Object.keys(r.values)));
  for (const f of model.features) {
    if (!columns.has(f.signal)) {
      throw new CandorError(
        'FEATURES_INVALID',
        `${featuresFile} has no column "${f.signal}", which model ${model.id} uses`,
        { file: featuresFile, column: f.signal },
      );
    }
  }
  const retrained = trainModel({
    rows,
    ratings,
    target: model.target,
    scale,
    signals: model.features.map((f) => f.signal),
    directions: Object.fromEntries(
      model.features.flatMap((f) => (f.direction ? [[f.signal, f.direction]] : [])),
    ),
    options: {
      method: model.method.kind,
      l1Ratio: model.method.l1Ratio,
      folds: model.method.outerFolds,
      innerFolds: model.method.innerFolds,
      seed: model.method.seed,
      threshold: model.validation.threshold,
      id: model.id,
      version: model.version,
      name: model.name,
      population: model.population,
      ...options,
    },
  });
  const byInterview = new Map(rows.filter((r) => r.answer === undefined).map((r) => [r.interview, r]));
  const used = ratings.map((r) => byInterview.get(r.interview)!);
  const caveat =
    `Blind only if none of these people were in the data model ${model.id} version ${model.version} was trained on ` +
    `(${model.training.description}); otherwise these figures are optimistic.`;
  let fixed: FixedModelCheck;
  try {
    fixed = {
      caveat,
      figures: agreementFigures(
        used.map((row) => predict(model, row.values).normalised),
        ratings.map((r) => r.value),
        used.map((row, i) => row.person || ratings[i]!.person || row.interview),
        scale,
        model.method.seed,
      ),
    };
  } catch (error) {
    fixed = { caveat, figures: null, reason: reasonOf(error) };
  }
  return { fixed, retrained };
}
