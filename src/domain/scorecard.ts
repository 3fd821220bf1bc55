/**
 * The scorecard: the one definition of its shape. The engine (src/assessment) builds values of
 * these types, the store keeps them, `GET /scorecards/:id` declares and enforces this schema, and
 * the web app reads the OpenAPI types generated from it (web/src/api/openapi.gen.ts).
 */
import { z } from 'zod';
import { jsonSerializer } from './json-serializer.js';
import { INTERVIEW_KIND_LIST } from './interview-metadata.js';
import type { TranscriptFormat } from './transcript.js';

const TRANSCRIPT_FORMATS = [
  'vtt',
  'srt',
  'json',
  'text',
  'csv',
] as const satisfies readonly TranscriptFormat[];

const Range = z.object({ min: z.number().optional(), max: z.number().optional() });

export const ScorecardEvidence = z.object({
  signal: z.string(),
  /** The signal's value in the answer the quote comes from. */
  value: z.number().nullable(),
  quote: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  /** Index of the answer the quote comes from. */
  response: z.number(),
  label: z.string().optional(),
  /**
   * 0–1: the mean recogniser confidence of the words inside the quote's times, when the answer was
   * recognised by an engine whose confidences are summarised (see `input.recognition`).
   */
  wordConfidence: z.number().optional(),
});

export const ScorecardSignal = z.object({
  signal: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Aggregated over the answers (word-weighted for rates, mean per answer for counts). */
  value: z.number().nullable(),
  target: Range,
  zeroAt: Range,
  /** 0–1: 1 inside the target, falling linearly to 0 at zeroAt. Null when the value is null. */
  credit: z.number().nullable(),
  weight: z.number(),
  /** Points of the competency's 0–100 score this signal earned. */
  contribution: z.number(),
  reason: z.string().optional(),
});

export const CompetencyResult = z.object({
  id: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  confidence: z.number(),
  /** Why the score is null, when it is: "insufficient evidence: …". */
  reason: z.string().optional(),
  signals: z.array(ScorecardSignal),
  evidence: z.array(ScorecardEvidence),
  feedback: z.array(z.string()),
});

export const ScorecardResponse = z.object({
  index: z.number(),
  question: z.string().nullable(),
  questionId: z.string().nullable(),
  questionSource: z.string(),
  words: z.number(),
  start: z.number().nullable(),
  end: z.number().nullable(),
});

/**
 * A voice or timing measure of a recording (pitch, loudness, pauses, rate), shown as a measurement
 * with its evidence whether or not it counts towards a score.
 */
export const ScorecardMeasurement = z.object({
  signal: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Aggregated over the answers like a scored signal; null when it could not be measured. */
  value: z.number().nullable(),
  /** Whether it counts towards a competency score (voice signals only when the workspace opts in). */
  scored: z.boolean(),
  evidence: z.array(ScorecardEvidence),
  /** How it was measured, why it is not scored, or why it has no value. */
  note: z.string().optional(),
});

/** How well speech recognition went, from the recogniser's own word confidences. */
export const ScorecardRecognition = z.object({
  /** The recogniser, e.g. "pocketsphinx"; null when not known. */
  engine: z.string().nullable(),
  /** The answers' recognised words that carry a confidence. */
  words: z.number(),
  /** 0–1: the mean of the words' confidences (pocketsphinx: lattice posterior probabilities). */
  meanConfidence: z.number(),
  /** 0–1: share of words whose confidence is below the low-confidence threshold. */
  lowConfidenceShare: z.number(),
  quality: z.enum(['good', 'fair', 'poor']),
  /** The figures in words; for fair or poor recognition also a warning. */
  note: z.string(),
});

const Named = z.object({ id: z.string(), name: z.string(), score: z.number() });

/** One feature's share of a trained model's prediction, next to its value and evidence. */
export const ScorecardModelContribution = z.object({
  signal: z.string(),
  /** The catalogue's name for the signal (or what an interview total counts). */
  name: z.string(),
  unit: z.string(),
  /** The feature's value in this interview; null when not measured (it then counts as the mean). */
  value: z.number().nullable(),
  /** The feature's mean and standard deviation in the model's training set. */
  mean: z.number(),
  sd: z.number(),
  /** Change of the 0–1 prediction per standard deviation of the feature. */
  weight: z.number(),
  /** weight × (value − mean) / sd: this feature's share of the 0–1 prediction. */
  contribution: z.number(),
  /** The contribution in points of the 0–100 prediction (× 100). */
  points: z.number(),
  /** Quotes behind the value, where the scorecard's competencies have them. */
  evidence: z.array(ScorecardEvidence),
});

/**
 * The trained model that scored this interview beside the expert framework: which model and
 * version, its prediction, each feature's contribution, and how well it agreed with people it
 * never saw. Absent when no model was used.
 */
export const ScorecardModel = z.object({
  id: z.string(),
  version: z.number().int(),
  target: z.string(),
  name: z.string(),
  /** Who the model was trained on: the population it should not be stretched beyond. */
  population: z.string(),
  prediction: z.object({
    /** On the ratings' own scale (e.g. 1–7). */
    onScale: z.number(),
    scale: z.object({ min: z.number(), max: z.number() }),
    /** 0–100, as scorecards show scores. */
    score: z.number(),
  }),
  validation: z.object({
    passes: z.boolean(),
    /** "passes" / "does not pass", with the figure, in words. */
    verdict: z.string(),
    /** Cross-validated Pearson r (grouped by person) with its 95% interval. */
    r: z.number(),
    ci: z.tuple([z.number(), z.number()]),
    threshold: z.number(),
  }),
  /** Every feature of the model, largest absolute contribution first. */
  contributions: z.array(ScorecardModelContribution),
});

/**
 * The scorecard body as the engine builds it and the API sends it.
 * @example ScorecardBody.parse(JSON.parse(stored)).overall.score
 */
export const ScorecardBody = z
  .object({
    engine: z.object({ name: z.literal('candor'), version: z.string() }),
    framework: z.object({ id: z.string(), version: z.string(), name: z.string() }),
    input: z.object({
      file: z.string().nullable(),
      format: z.enum(TRANSCRIPT_FORMATS).nullable(),
      kind: z.enum(INTERVIEW_KIND_LIST),
      /** SHA-256 of the input bytes, so a scorecard can be tied to exactly what was analysed. */
      sha256: z.string().nullable(),
      candidate: z.string().nullable(),
      /** How the candidate's speaker was chosen in a live interview, in words (who answers, who talks most). */
      candidateReason: z.string().optional(),
      /**
       * In a live interview with timed turns: each speaker's speaking time (seconds), its share of
       * all speech, and whether it is the candidate; from the recording's diarisation or the
       * imported transcript's segment times.
       */
      speakers: z
        .array(
          z.object({ label: z.string(), seconds: z.number(), share: z.number(), candidate: z.boolean() }),
        )
        .optional(),
      /** The candidate's speaking seconds / all speaking seconds, 0–1. */
      talkRatio: z.number().optional(),
      responses: z.number(),
      words: z.number(),
      /** Seconds of the answers (the sum of each answer's first-to-last time), when timed. */
      durationSeconds: z.number().nullable(),
      /** Recognition quality of the answers' words, when they were recognised with confidences. */
      recognition: ScorecardRecognition.optional(),
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
    competencies: z.array(CompetencyResult),
    responses: z.array(ScorecardResponse),
    /** Voice and timing measures of a recording, always shown; absent when nothing was measured. */
    measurements: z.array(ScorecardMeasurement).optional(),
    /** The trained model's prediction, shown beside the framework's scores; absent without a model. */
    model: ScorecardModel.optional(),
    /**
     * What makes this scorecard less certain than it looks, in words: a damaged recording (what
     * was lost), poor speech recognition. Absent when there is nothing to say.
     */
    warnings: z.array(z.string()).optional(),
  })
  .meta({ id: 'ScorecardBody' });

export type ScorecardEvidence = z.infer<typeof ScorecardEvidence>;
export type ScorecardSignal = z.infer<typeof ScorecardSignal>;
export type CompetencyResult = z.infer<typeof CompetencyResult>;
export type ScorecardResponse = z.infer<typeof ScorecardResponse>;
export type ScorecardModel = z.infer<typeof ScorecardModel>;
export type ScorecardMeasurement = z.infer<typeof ScorecardMeasurement>;
export type ScorecardRecognition = z.infer<typeof ScorecardRecognition>;
export type ScorecardModelContribution = z.infer<typeof ScorecardModelContribution>;
export type Scorecard = z.infer<typeof ScorecardBody>;

/**
 * The scorecard as JSON, exactly as `GET /scorecards/:id` sends it: written once, by the same
 * compiled serializer, when the scorecard is stored (src/store/repositories/scorecards.ts), and
 * sent as those bytes on every read. A body that does not fit the schema is refused.
 * @example scorecardJson(ScorecardBody.parse(engineOutput))
 */
export const scorecardJson: (body: Scorecard) => string = jsonSerializer(ScorecardBody);
