/** The scorecard body (src/assessment/scorecard-types.ts) as a response schema, for the OpenAPI document. */
import { z } from 'zod';
import type { Scorecard } from '../../../assessment/index.js';

const Range = z.object({ min: z.number().optional(), max: z.number().optional() });

const Evidence = z.object({
  signal: z.string(),
  value: z.number().nullable(),
  quote: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  /** Index of the answer the quote comes from. */
  response: z.number(),
  label: z.string().optional(),
});

const SignalResult = z.object({
  signal: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  target: Range,
  zeroAt: Range,
  credit: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  reason: z.string().optional(),
});

const Competency = z.object({
  id: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  confidence: z.number(),
  reason: z.string().optional(),
  signals: z.array(SignalResult),
  evidence: z.array(Evidence),
  feedback: z.array(z.string()),
});

const Named = z.object({ id: z.string(), name: z.string(), score: z.number() });

export const ScorecardBody = z
  .object({
    engine: z.object({ name: z.literal('candor'), version: z.string() }),
    framework: z.object({ id: z.string(), version: z.string(), name: z.string() }),
    input: z.object({
      file: z.string().nullable(),
      format: z.enum(['vtt', 'srt', 'json', 'text']).nullable(),
      kind: z.enum(['async', 'live', 'practice', 'customer', 'exit', 'research']),
      sha256: z.string().nullable(),
      candidate: z.string().nullable(),
      responses: z.number(),
      words: z.number(),
      durationSeconds: z.number().nullable(),
    }),
    job: z.object({ title: z.string(), skills: z.number() }).nullable(),
    overall: z.object({
      score: z.number().nullable(),
      confidence: z.number(),
      reason: z.string().optional(),
    }),
    strengths: z.array(Named),
    gaps: z.array(Named),
    nextStep: z.object({ competency: z.string().nullable(), question: z.string(), reason: z.string() }),
    competencies: z.array(Competency),
    responses: z.array(
      z.object({
        index: z.number(),
        question: z.string().nullable(),
        questionId: z.string().nullable(),
        questionSource: z.string(),
        words: z.number(),
        start: z.number().nullable(),
        end: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ScorecardBody' });

export type ScorecardBody = z.infer<typeof ScorecardBody>;

// Compile-time check that the schema describes the engine's type: a parsed body is a Scorecard.
const fitsEngineType = (body: ScorecardBody): Scorecard => body;
void fitsEngineType;

/**
 * The stored body as the response type (the same data; the engine's type is read-only).
 * @example scorecardBody(record.body as Scorecard)
 */
export function scorecardBody(body: Scorecard): ScorecardBody {
  return body as ScorecardBody;
}
