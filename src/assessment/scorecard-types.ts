import type { InterviewKind, TranscriptFormat } from '../domain/index.js';

export interface ScorecardEvidence {
  readonly signal: string;
  /** The signal's value in the answer the quote comes from. */
  readonly value: number | null;
  readonly quote: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly response: number;
  readonly label?: string;
}

export interface ScorecardSignal {
  readonly signal: string;
  readonly name: string;
  readonly unit: string;
  /** Aggregated over the answers (word-weighted for rates, mean per answer for counts). */
  readonly value: number | null;
  readonly target: { readonly min?: number; readonly max?: number };
  readonly zeroAt: { readonly min?: number; readonly max?: number };
  /** 0–1: 1 inside the target, falling linearly to 0 at zeroAt. Null when the value is null. */
  readonly credit: number | null;
  readonly weight: number;
  /** Points of the competency's 0–100 score this signal earned. */
  readonly contribution: number;
  readonly reason?: string;
}

export interface CompetencyResult {
  readonly id: string;
  readonly name: string;
  readonly score: number | null;
  readonly confidence: number;
  /** Why the score is null, when it is: "insufficient evidence: …". */
  readonly reason?: string;
  readonly signals: readonly ScorecardSignal[];
  readonly evidence: readonly ScorecardEvidence[];
  readonly feedback: readonly string[];
}

export interface ScorecardResponse {
  readonly index: number;
  readonly question: string | null;
  readonly questionId: string | null;
  readonly questionSource: string;
  readonly words: number;
  readonly start: number | null;
  readonly end: number | null;
}

export interface Scorecard {
  readonly engine: { readonly name: 'candor'; readonly version: string };
  readonly framework: { readonly id: string; readonly version: string; readonly name: string };
  readonly input: {
    readonly file: string | null;
    readonly format: TranscriptFormat | null;
    readonly kind: InterviewKind;
    /** SHA-256 of the input bytes, so a scorecard can be tied to exactly what was analysed. */
    readonly sha256: string | null;
    readonly candidate: string | null;
    readonly responses: number;
    readonly words: number;
    /** Seconds of the answers (the sum of each answer's first-to-last time), when timed. */
    readonly durationSeconds: number | null;
  };
  readonly job: { readonly title: string; readonly skills: number } | null;
  readonly overall: { readonly score: number | null; readonly confidence: number; readonly reason?: string };
  readonly strengths: readonly { readonly id: string; readonly name: string; readonly score: number }[];
  readonly gaps: readonly { readonly id: string; readonly name: string; readonly score: number }[];
  readonly nextStep: {
    readonly competency: string | null;
    readonly question: string;
    readonly reason: string;
  };
  readonly competencies: readonly CompetencyResult[];
  readonly responses: readonly ScorecardResponse[];
}
