/**
 * Rated interviews with a planted linear truth, for checking that training recovers what is
 * there and finds nothing where nothing is: rating = 0.5 + Σ weight × standardised feature +
 * a per-person effect + noise, clipped to 0–1.
 */
import { seededRandom, type Random } from '../validation/index.js';
import type { FeatureRow } from './model-file.js';
import type { InterviewRating } from './train.js';

export interface PlantedOptions {
  readonly people: number;
  readonly interviewsPerPerson?: number;
  /** True weight per standardised feature, on the 0–1 rating scale. */
  readonly weights: Readonly<Record<string, number>>;
  /** Columns with no relation to the rating. */
  readonly noiseColumns?: number;
  /** SD of a person's shared effect on all their ratings, and of each rating's own noise. */
  readonly personEffect?: number;
  readonly noise?: number;
  /** Raters per interview, each adding their own noise (rater SD = `raterNoise`). */
  readonly raters?: number;
  readonly raterNoise?: number;
  readonly seed?: number;
}

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * @example plantedData({ people: 50, weights: { a: 0.1 } }).rows.length // 100
 */
export function plantedData(options: PlantedOptions): { rows: FeatureRow[]; ratings: InterviewRating[] } {
  const random = seededRandom(options.seed ?? 7);
  const per = options.interviewsPerPerson ?? 2;
  const noiseColumns = Array.from({ length: options.noiseColumns ?? 0 }, (_, j) => `noise${j + 1}`);
  const rows: FeatureRow[] = [];
  const ratings: InterviewRating[] = [];
  for (let p = 0; p < options.people; p++) {
    const person = `p${p + 1}`;
    const effect = (options.personEffect ?? 0) * normal(random);
    for (let k = 0; k < per; k++) {
      const interview = `${person}-i${k + 1}.txt`;
      const values: Record<string, number> = {};
      let truth = 0.5 + effect + (options.noise ?? 0) * normal(random);
      for (const [signal, weight] of Object.entries(options.weights)) {
        const z = normal(random);
        // Features on their own scales (mean 10, sd 3), as real signals are.
        values[signal] = 10 + 3 * z;
        truth += weight * z;
      }
      for (const column of noiseColumns) values[column] = 50 + 20 * normal(random);
      const raterCount = options.raters ?? 1;
      const scores = Array.from({ length: raterCount }, (_, r) => ({
        rater: `r${r + 1}`,
        value: Math.min(1, Math.max(0, truth + (options.raterNoise ?? 0) * normal(random))),
      }));
      rows.push({ interview, person, values });
      ratings.push({
        interview,
        person,
        value: scores.reduce((s, x) => s + x.value, 0) / raterCount,
        raters: raterCount,
        scores,
      });
    }
  }
  return { rows, ratings };
}

export interface PlantedBiasOptions {
  readonly people: number;
  readonly interviewsPerPerson?: number;
  /** How far the raters shift group `b`'s ratings down (0–1 scale), and the proxy feature with it. */
  readonly bias?: number;
  readonly seed?: number;
}

/**
 * Planted bias: people in two groups (`a`: female, `b`: male, alternating); `skill` carries the
 * truth for everyone, while `pace` (a proxy, e.g. speaking rate) is shifted 1.5 sd for group b and
 * the raters rate group b lower by `bias`. A model trained on these ratings learns `pace` and so
 * scores group b lower: the gap re-weighing should reduce.
 * @example plantedBiasData({ people: 120 }).demographics.get('p1')?.sex // 'female'
 */
export function plantedBiasData(options: PlantedBiasOptions): {
  rows: FeatureRow[];
  ratings: InterviewRating[];
  demographics: Map<string, { sex: string; raceEthnicity: string; ageBand: string }>;
} {
  const random = seededRandom(options.seed ?? 11);
  const per = options.interviewsPerPerson ?? 2;
  const bias = options.bias ?? 0.15;
  const rows: FeatureRow[] = [];
  const ratings: InterviewRating[] = [];
  const demographics = new Map<string, { sex: string; raceEthnicity: string; ageBand: string }>();
  for (let p = 0; p < options.people; p++) {
    const person = `p${p + 1}`;
    const inB = p % 2 === 1;
    demographics.set(person, {
      sex: inB ? 'male' : 'female',
      raceEthnicity: 'declined',
      ageBand: 'declined',
    });
    const ability = normal(random);
    for (let k = 0; k < per; k++) {
      const interview = `${person}-i${k + 1}.txt`;
      const skill = ability + 0.5 * normal(random);
      const pace = (inB ? 1.5 : 0) + normal(random);
      const value = Math.min(1, Math.max(0, 0.5 + 0.08 * skill - (inB ? bias : 0) + 0.05 * normal(random)));
      rows.push({ interview, person, values: { skill: 10 + 3 * skill, pace: 150 + 20 * pace } });
      ratings.push({ interview, person, value, raters: 1, scores: [{ rater: 'r1', value }] });
    }
  }
  return { rows, ratings, demographics };
}
