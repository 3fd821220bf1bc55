/** Response shapes of the fairness alert routes (issue 12). */
import { z } from 'zod';
import { ALERT_CATEGORIES } from '../../../audit/index.js';

export const FairnessAlertView = z
  .object({
    id: z.string(),
    /** The model whose scores were watched; null for the framework's overall score. */
    model: z.object({ id: z.string(), version: z.number().int(), name: z.string().nullable() }).nullable(),
    category: z.enum(ALERT_CATEGORIES),
    group: z.string(),
    groupLabel: z.string(),
    /** The group with the highest scoring rate the ratio is taken against. */
    referenceGroup: z.string(),
    impactRatio: z.number(),
    /** The group's members in the window. */
    members: z.number().int(),
    /** Scored candidates in the window. */
    window: z.number().int(),
    message: z.string(),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'FairnessAlert' });

export const FairnessAlertList = z
  .object({ alerts: z.array(FairnessAlertView) })
  .meta({ id: 'FairnessAlertList' });

export const FairnessAlertQuery = z.object({
  /** `open` (default): not yet acknowledged; `all`: every alert. */
  state: z.enum(['open', 'all']).default('open'),
});
