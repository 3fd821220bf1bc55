import { z } from 'zod';

export const QuestionSchema = z.object({
  id: z
    .string()
    .min(1)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes'),
  text: z.string().min(5),
  /** Competency ids this question is meant to show. */
  competencies: z.array(z.string().min(1)).default([]),
  /** Points a strong answer covers; used for the key-point coverage signal. */
  keyPoints: z.array(z.string().min(3)).default([]),
  /** A follow-up question to ask when the answer is weak. */
  followUp: z.string().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionSetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.string().default('1'),
  questions: z.array(QuestionSchema).min(1),
});
export type QuestionSet = z.infer<typeof QuestionSetSchema>;
