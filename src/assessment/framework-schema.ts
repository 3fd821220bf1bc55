import { z } from 'zod';

/**
 * Where a signal earns full credit (`target`) and where its credit has fallen to zero (`zeroAt`).
 * Between the two, credit falls linearly. Give `min` to reward higher values, `max` to reward
 * lower values, both for a range.
 */
const Bound = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both');

export const SignalRuleSchema = z
  .object({
    signal: z.string().min(1),
    weight: z.number().positive('a weight must be above 0').default(1),
    target: Bound,
    zeroAt: Bound,
    /** What to do about it, appended to the feedback: "pause instead". */
    advice: z.string().min(3),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const { target, zeroAt } = rule;
    if (target.min !== undefined) {
      if (zeroAt.min === undefined)
        ctx.addIssue({ code: 'custom', path: ['zeroAt', 'min'], message: 'required when target.min is set' });
      else if (zeroAt.min >= target.min)
        ctx.addIssue({
          code: 'custom',
          path: ['zeroAt', 'min'],
          message: `must be below target.min (${target.min})`,
        });
    }
    if (target.max !== undefined) {
      if (zeroAt.max === undefined)
        ctx.addIssue({ code: 'custom', path: ['zeroAt', 'max'], message: 'required when target.max is set' });
      else if (zeroAt.max <= target.max)
        ctx.addIssue({
          code: 'custom',
          path: ['zeroAt', 'max'],
          message: `must be above target.max (${target.max})`,
        });
    }
    if (target.min !== undefined && target.max !== undefined && target.min > target.max) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'min must not exceed max' });
    }
  });
export type SignalRule = z.infer<typeof SignalRuleSchema>;

export const BehaviourSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().min(3),
    signals: z.array(SignalRuleSchema).min(1),
  })
  .strict();
export type Behaviour = z.infer<typeof BehaviourSchema>;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes, starting with a letter');

export const CompetencySchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    description: z.string().min(3),
    weight: z.number().positive('a weight must be above 0').default(1),
    /** Asked as the suggested next step when this competency is the weakest. */
    followUp: z.string().min(5),
    behaviours: z.array(BehaviourSchema).min(1),
  })
  .strict();
export type Competency = z.infer<typeof CompetencySchema>;

export const FrameworkSchema = z
  .object({
    id: Id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version like 1.0.0'),
    name: z.string().min(1),
    description: z.string().default(''),
    /** Fewer analysed words than this and a competency is "insufficient evidence". */
    minWords: z.number().int().positive().default(50),
    /** Below this share of a competency's signal weight with a value, the competency is not scored. */
    minCoverage: z.number().min(0).max(1).default(0.5),
    competencies: z.array(CompetencySchema).min(1),
  })
  .strict()
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.competencies.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['competencies', i, 'id'],
          message: `duplicate competency id "${c.id}"`,
        });
      seen.add(c.id);
    });
  });
export type Framework = z.infer<typeof FrameworkSchema>;
