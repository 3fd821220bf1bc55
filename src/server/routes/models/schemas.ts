/** Request and response shapes of the model routes. */
import { z } from 'zod';
import { ModelFile } from '../../../model/model-file.js';

const Figure = z.number();

export const ModelSummaryView = z
  .object({
    id: z.string(),
    name: z.string(),
    target: z.string(),
    population: z.string().describe('who the model was trained on: the population not to stretch it beyond'),
    version: z.number().describe('the newest stored version, or the built-in file’s version'),
    activeVersion: z.number().nullable().describe('the version active in this workspace, if any'),
    builtIn: z.boolean().describe("shipped in the package's models/ folder"),
    stored: z
      .boolean()
      .describe('stored in this workspace (a built-in model is stored when first activated)'),
    passes: z.boolean(),
    verdict: z.string().describe('"passes" / "does not pass", with the figure, in words'),
    r: Figure.describe('cross-validated Pearson r, grouped by person'),
    ci: z.tuple([Figure, Figure]).describe('its 95% bootstrap interval'),
    interviews: z.number(),
    people: z.number(),
  })
  .meta({ id: 'ModelSummary' });

export const ModelListView = z.object({ models: z.array(ModelSummaryView) }).meta({ id: 'ModelList' });

export const ModelVersionView = z.object({
  version: z.number(),
  active: z.boolean(),
  source: z.enum(['import', 'built-in']),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ModelDetailView = z
  .object({
    model: ModelFile,
    builtIn: z.boolean(),
    active: z.boolean().describe('this version is the active model of its target'),
    versions: z
      .array(ModelVersionView)
      .describe('every stored version, highest first; empty for a built-in not stored'),
  })
  .meta({ id: 'ModelDetail' });

export const ModelParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
});

export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe('this version (default: the newest)'),
});

export const ImportModelBody = z
  .unknown()
  .describe(
    'a model file as `candor model train` writes it (schema ModelFile); a file that does not fit answers 422 MODEL_INVALID naming the field',
  );

export const ImportModelResult = z
  .object({
    model: ModelSummaryView,
    added: z.boolean().describe('false when this version was already stored'),
  })
  .meta({ id: 'ModelImported' });

export const RescoreQuery = z.object({
  target: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('use the active model of this target (default overall)'),
});

const RescoredView = z.object({
  interviewId: z.string(),
  scorecardId: z.string(),
  createdAt: z.string(),
  score: z.number().describe("the model's prediction, 0–100"),
  onScale: z.number().describe("the model's prediction on the ratings' scale"),
});

const ModelRef = z.object({ id: z.string(), version: z.number(), target: z.string() });

export const RescoreInterviewResult = z
  .object({ model: ModelRef, rescored: RescoredView })
  .meta({ id: 'InterviewRescored' });

export const RescoreJobResult = z
  .object({
    model: ModelRef,
    rescored: z.array(RescoredView),
    failed: z.array(z.object({ interviewId: z.string(), code: z.string(), message: z.string() })),
    skipped: z.array(z.string()).describe('interviews not analysed yet: they get the model when analysed'),
  })
  .meta({ id: 'JobRescored' });
