/** Request and response shapes of the auditor's routes (issue 12). */
import { z } from 'zod';
import {
  AGE_BAND_VALUES,
  AUDIT_CATEGORIES,
  DEMOGRAPHIC_SOURCES,
  RACE_ETHNICITY_VALUES,
  SEX_VALUES,
} from '../../../audit/index.js';
import { Id } from '../hiring/schemas.js';

export const DemographicsBody = z
  .object({
    sex: z.enum(SEX_VALUES),
    raceEthnicity: z.enum(RACE_ETHNICITY_VALUES),
    ageBand: z.enum(AGE_BAND_VALUES),
  })
  .strict();

export const DemographicsView = z
  .object({
    candidateId: z.string(),
    /** null when the candidate has given none. */
    demographics: z
      .object({
        sex: z.enum(SEX_VALUES),
        raceEthnicity: z.enum(RACE_ETHNICITY_VALUES),
        ageBand: z.enum(AGE_BAND_VALUES),
        source: z.enum(DEMOGRAPHIC_SOURCES),
        updatedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'CandidateDemographics' });

const DateText = z.string().min(1).max(40);

export const AuditQuery = z
  .object({ jobId: Id.optional(), from: DateText.optional(), to: DateText.optional() })
  .strict();

const Rate = z.object({
  rate: z.number().nullable(),
  impactRatio: z.number().nullable(),
  belowFourFifths: z.boolean(),
  test: z.enum(['fisher-exact', 'two-proportion-z']).nullable(),
  p: z.number().nullable(),
  significant: z.boolean(),
});

const Category = z.object({
  category: z.enum(AUDIT_CATEGORIES),
  title: z.string(),
  total: z.number(),
  unknown: z.number(),
  groups: z
    .array(
      z.object({
        group: z.string(),
        label: z.string(),
        count: z.number(),
        selected: z.number(),
        selection: Rate,
        scored: z.number(),
        aboveMedian: z.number(),
        scoring: Rate,
        meanScore: z.number().nullable(),
        standardisedMeanDifference: z.number().nullable(),
      }),
    )
    .readonly(),
  excluded: z
    .array(z.object({ group: z.string(), label: z.string(), count: z.number(), share: z.number() }))
    .readonly(),
  selectionReference: z.string().nullable(),
  scoringReference: z.string().nullable(),
  belowFourFifths: z.array(z.string()).readonly(),
  flagged: z.array(z.string()).readonly(),
  notes: z.array(z.string()).readonly(),
});

const CategoryGapView = z
  .object({
    category: z.enum(['sex', 'race_ethnicity', 'sex_race_ethnicity', 'age']),
    title: z.string(),
    group: z.string(),
    groupLabel: z.string(),
    reference: z.string(),
    referenceLabel: z.string(),
    source: z.enum(['model', 'framework']).nullable(),
    flaggedCount: z.number(),
    referenceCount: z.number(),
    features: z
      .array(
        z.object({
          feature: z.string(),
          flaggedMean: z.number(),
          referenceMean: z.number(),
          difference: z.number(),
        }),
      )
      .readonly(),
    notes: z.array(z.string()).readonly(),
  })
  .meta({ id: 'AuditGap' });

export const AuditReportView = z
  .object({
    tool: z.object({
      name: z.literal('Candor'),
      version: z.string(),
      frameworks: z.array(z.string()).readonly(),
      engines: z.array(z.string()).readonly(),
    }),
    auditDate: z.string(),
    scope: z.object({
      job: z.object({ id: z.string(), title: z.string() }).nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      firstApplication: z.string().nullable(),
      lastApplication: z.string().nullable(),
      unit: z.literal('application'),
    }),
    total: z.number(),
    unknownDemographics: z.number(),
    scored: z.number(),
    advanced: z.number(),
    medianScore: z.number().nullable(),
    categories: z.array(Category).readonly(),
    notes: z.array(z.string()).readonly(),
    /** Per flagged group: which features' contributions differ most from the reference group. */
    gaps: z.array(CategoryGapView).readonly().optional(),
  })
  .meta({ id: 'AuditReport' });
