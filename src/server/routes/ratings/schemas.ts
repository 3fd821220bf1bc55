/** Request and response shapes of the ratings routes. */
import { z } from 'zod';

export const Scale = z
  .object({ min: z.number(), max: z.number() })
  .refine((s) => s.min < s.max, 'min must be below max')
  .meta({ id: 'RatingScale' });

export const ImportResultView = z
  .object({
    file: z.string(),
    ratings: z.number().describe('rows in the file'),
    interviews: z.number(),
    raters: z.number(),
    targets: z.array(z.string()),
    added: z.number(),
    updated: z.number(),
    unchanged: z.number(),
  })
  .meta({ id: 'RatingsImport' });

export const ImportQuery = z.object({
  file: z.string().max(200).optional().describe('a name for the file in messages (a text/csv body has none)'),
});

const FormTarget = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['overall', 'competency', 'named']),
  scale: Scale,
});

const FormTurn = z.object({ speaker: z.string().nullable(), text: z.string() });

export const RatingFormView = z
  .object({
    interview: z.object({ id: z.string(), title: z.string().nullable(), kind: z.string() }),
    framework: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("the job's framework (built-in `default` outside hiring); null when it cannot be read"),
    answers: z
      .array(
        z.object({
          number: z.number().describe('the answer number ratings use, from 1'),
          question: z.string().nullable(),
          turns: z.array(FormTurn),
        }),
      )
      .describe('what was asked and said, and nothing Candor measured or concluded'),
    targets: z.array(FormTarget),
    scaleLabels: z.object({ min: z.string(), max: z.string() }),
    given: z
      .array(
        z.object({
          target: z.string(),
          answer: z.number().nullable(),
          value: z.number(),
          note: z.string().nullable(),
        }),
      )
      .describe("the signed-in rater's own ratings of this interview, to edit"),
  })
  .meta({ id: 'RatingForm' });

export const FormRatingsBody = z.object({
  scale: Scale,
  ratings: z
    .array(
      z.object({
        target: z.string().min(1).max(100),
        score: z.number(),
        answer: z.number().int().min(1).nullable().optional(),
        note: z.string().max(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const FormRatingsResult = z
  .object({ added: z.number(), updated: z.number(), unchanged: z.number() })
  .meta({ id: 'RatingsSaved' });

export const AgreementQuery = z.object({
  target: z.string().min(1).max(100).optional(),
  job: z.string().min(1).max(100).optional(),
});

const nullableFigure = z.number().nullable();

export const AgreementView = z
  .object({
    targets: z.array(
      z.object({
        target: z.string(),
        scale: Scale.nullable(),
        ratings: z.number(),
        raters: z.number(),
        items: z.number().describe('interviews or answers rated by two or more raters'),
        iccSingle: nullableFigure.describe('ICC(2,1)'),
        iccAverage: nullableFigure.describe("ICC(2,k): the raters' mean, the ceiling a model can reach"),
        iccItems: z.number(),
        iccRaters: z.number(),
        alpha: nullableFigure.describe("Krippendorff's alpha, interval"),
        reason: z.string().nullable(),
        iccReason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'RatingsAgreement' });
