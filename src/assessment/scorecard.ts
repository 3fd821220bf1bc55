import type {
  InterviewKind,
  JobProfile,
  Question,
  Response,
  ResponseSignals,
  SignalDefinition,
  TranscriptFormat,
} from '../domain/index.js';
import type { Framework } from './framework-schema.js';
import { measurementsOf } from './measurements.js';
import { recognitionConfidenceFactor, recognitionQuality } from './recognition-quality.js';
import { scoreCompetencies, suggestNextStep } from './scoring.js';
import type { CompetencyResult, Scorecard } from './scorecard-types.js';
import type { SpeakingTime } from './speaking-time.js';

const STRENGTH_AT = 70;
const GAP_BELOW = 60;
const TOP = 3;

export interface ScorecardInput {
  readonly engineVersion: string;
  readonly framework: Framework;
  readonly catalogue: readonly SignalDefinition[];
  /** Whether voice signals count towards scores (a workspace's opt-in); otherwise they are only reported. */
  readonly scoreVoice: boolean;
  readonly responses: readonly Response[];
  readonly signals: readonly ResponseSignals[];
  readonly job: JobProfile | null;
  readonly questionBank: readonly Question[];
  /** The speech recogniser that wrote the answers, when recognised; its word confidences set `input.recognition`. */
  readonly recogniser?: string | null;
  /** What went wrong reading the input (a damaged recording), shown as the scorecard's warnings. */
  readonly warnings?: readonly string[];
  readonly source: {
    readonly file: string | null;
    readonly format: TranscriptFormat | null;
    readonly kind: InterviewKind;
    readonly sha256: string | null;
    readonly candidate: string | null;
    /** How the candidate's speaker was chosen, for a live interview. */
    readonly candidateReason?: string;
    /** Speaking time per speaker and the candidate's share, for a live interview with timed turns. */
    readonly talk?: SpeakingTime;
  };
}

/**
 * Assembles the scorecard from measured signals. Deterministic: the same input gives the same
 * object, property order included, so its JSON is byte-identical.
 * @example JSON.stringify(buildScorecard(input))
 */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const catalogue = new Map(input.catalogue.map((d) => [d.id, d]));
  const totalWords = input.signals.reduce((s, r) => s + r.words, 0);
  const recognition = recognitionQuality(
    input.responses.flatMap((r) => r.segments.flatMap((s) => s.words ?? [])),
    input.recogniser ?? null,
  );
  const scoredCompetencies = scoreCompetencies({
    framework: input.framework,
    catalogue,
    perResponse: input.signals,
    totalWords,
    scoreVoice: input.scoreVoice,
    recognitionFactor: recognitionConfidenceFactor(recognition),
  });
  const competencies =
    recognition === null ? scoredCompetencies : withWordConfidence(scoredCompetencies, input.responses);
  const warnings = [
    ...(input.warnings ?? []),
    ...(recognition !== null && recognition.quality !== 'good' ? [recognition.note] : []),
  ];

  const weights = new Map(input.framework.competencies.map((c) => [c.id, c.weight]));
  const scored = competencies.filter(
    (c): c is (typeof competencies)[number] & { score: number } => c.score !== null,
  );
  const weightSum = scored.reduce((s, c) => s + (weights.get(c.id) ?? 1), 0);
  const overallScore =
    weightSum > 0
      ? Math.round(scored.reduce((s, c) => s + c.score * (weights.get(c.id) ?? 1), 0) / weightSum)
      : null;
  const overallConfidence =
    weightSum > 0
      ? round(scored.reduce((s, c) => s + c.confidence * (weights.get(c.id) ?? 1), 0) / weightSum)
      : 0;

  const byScoreDesc = [...scored].sort((a, b) => b.score - a.score);
  const strengths = byScoreDesc
    .filter((c) => c.score >= STRENGTH_AT)
    .slice(0, TOP)
    .map(({ id, name, score }) => ({ id, name, score }));
  // Ties keep framework order, the same order suggestNextStep uses to pick the weakest.
  const gaps = [...scored]
    .sort((a, b) => a.score - b.score)
    .filter((c) => c.score < GAP_BELOW)
    .slice(0, TOP)
    .map(({ id, name, score }) => ({ id, name, score }));
  const asked = new Set(
    input.responses.map((r) => r.question?.id).filter((id): id is string => id !== undefined),
  );

  // Async answers each start at 0 s, so the length is the sum of the answers' own spans.
  const spans = input.responses.map((r) =>
    span(r.segments.flatMap((s) => [s.start, s.end]).filter((t): t is number => t !== null)),
  );
  const timed = spans.filter((s) => s !== null);
  const durationSeconds = timed.length > 0 ? round(timed.reduce((a, b) => a + b, 0)) : null;
  const measurements = measurementsOf({
    framework: input.framework,
    catalogue,
    perResponse: input.signals,
    scoreVoice: input.scoreVoice,
  });

  return {
    engine: { name: 'candor', version: input.engineVersion },
    framework: { id: input.framework.id, version: input.framework.version, name: input.framework.name },
    input: {
      file: input.source.file,
      format: input.source.format,
      kind: input.source.kind,
      sha256: input.source.sha256,
      candidate: input.source.candidate,
      ...(input.source.candidateReason === undefined
        ? {}
        : { candidateReason: input.source.candidateReason }),
      ...(input.source.talk === undefined
        ? {}
        : { speakers: [...input.source.talk.speakers], talkRatio: input.source.talk.talkRatio }),
      responses: input.responses.length,
      words: totalWords,
      durationSeconds,
      ...(recognition === null ? {} : { recognition }),
    },
    job: input.job ? { title: input.job.title, skills: input.job.skills.length } : null,
    overall: {
      score: overallScore,
      confidence: overallConfidence,
      ...(overallScore === null
        ? { reason: competencies[0]?.reason ?? 'insufficient evidence' }
        : recognition?.quality === 'poor'
          ? { reason: recognition.note }
          : {}),
    },
    strengths,
    gaps,
    nextStep: suggestNextStep(competencies, input.framework, input.questionBank, asked),
    competencies,
    responses: input.responses.map((r, i) => {
      const starts = r.segments.map((s) => s.start).filter((t): t is number => t !== null);
      const ends = r.segments.map((s) => s.end).filter((t): t is number => t !== null);
      return {
        index: r.index,
        question: r.questionText,
        questionId: r.question?.id ?? null,
        questionSource: r.questionSource,
        words: input.signals[i]?.words ?? 0,
        start: starts.length > 0 ? starts.reduce((a, b) => Math.min(a, b)) : null,
        end: ends.length > 0 ? ends.reduce((a, b) => Math.max(a, b)) : null,
      };
    }),
    ...(measurements === undefined ? {} : { measurements }),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Each quote's mean word confidence: the recognised words of its answer inside its times. */
function withWordConfidence(
  competencies: readonly CompetencyResult[],
  responses: readonly Response[],
): CompetencyResult[] {
  return competencies.map((c) => ({
    ...c,
    evidence: c.evidence.map((e) => {
      if (e.start === null || e.end === null) return e;
      const { start, end } = e;
      const confidences = (responses.find((r) => r.index === e.response)?.segments ?? [])
        .flatMap((s) => s.words ?? [])
        .filter((w) => w.confidence !== undefined && w.end > start && w.start < end)
        .map((w) => w.confidence!);
      if (confidences.length === 0) return e;
      return { ...e, wordConfidence: round(confidences.reduce((a, b) => a + b, 0) / confidences.length) };
    }),
  }));
}

function span(times: readonly number[]): number | null {
  if (times.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return hi - lo;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
