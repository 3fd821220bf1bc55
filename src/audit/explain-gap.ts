/**
 * Explain a gap (issue 12 part 5): for a flagged group and the reference (highest) group, which
 * features' contributions to the score differ most. Per feature, the mean contribution in each
 * group and the difference (flagged − reference), largest absolute difference first. The
 * contributions are a trained model's (a scorecard's `model.contributions`, in points of the 0–100
 * prediction) or, for scorecards made without a model, the framework's (each competency's signals,
 * in points of that competency's 0–100 score).
 *
 * It describes the scores, not their cause: a feature that differs between groups may reflect a
 * real difference in the answers, a measurement that works differently for one group, or both.
 */

export type ContributionSource = 'model' | 'framework';

/** One scorecard's contributions, by feature. */
export interface ScorecardContributions {
  readonly source: ContributionSource;
  /** `signal` for a model; `competency: signal` for the framework. */
  readonly values: Readonly<Record<string, number>>;
}

/** One audited member: their group in the category, and their scorecard's contributions. */
export interface GapSubject {
  readonly group: string;
  readonly contributions: ScorecardContributions | null;
}

export interface FeatureGap {
  readonly feature: string;
  readonly flaggedMean: number;
  readonly referenceMean: number;
  /** flaggedMean − referenceMean: negative when the feature gives the flagged group fewer points. */
  readonly difference: number;
}

export interface GapExplanation {
  readonly group: string;
  readonly reference: string;
  /** Where the contributions come from; null when no member had any. */
  readonly source: ContributionSource | null;
  /** Members of each group whose scorecard gave contributions of that source. */
  readonly flaggedCount: number;
  readonly referenceCount: number;
  /** Every feature, largest absolute difference first (ties by name). */
  readonly features: readonly FeatureGap[];
  /** What could not be computed, and why. */
  readonly notes: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A scorecard body's contributions: its model's when it records one, else its framework's.
 * @example contributionsOf(scorecard.body)?.values.fillerWordsPer100
 */
export function contributionsOf(body: unknown): ScorecardContributions | null {
  if (!isRecord(body)) return null;
  const model = body.model;
  if (isRecord(model) && Array.isArray(model.contributions)) {
    const values: Record<string, number> = {};
    for (const c of model.contributions) {
      if (isRecord(c) && typeof c.signal === 'string' && typeof c.contribution === 'number') {
        values[c.signal] = c.contribution * 100;
      }
    }
    return { source: 'model', values };
  }
  if (!Array.isArray(body.competencies)) return null;
  const values: Record<string, number> = {};
  for (const competency of body.competencies) {
    if (!isRecord(competency) || typeof competency.id !== 'string' || !Array.isArray(competency.signals))
      continue;
    for (const s of competency.signals) {
      if (isRecord(s) && typeof s.signal === 'string' && typeof s.contribution === 'number') {
        values[`${competency.id}: ${s.signal}`] = s.contribution;
      }
    }
  }
  return { source: 'framework', values };
}

/**
 * The gap between `group` and `reference`, feature by feature. The source is the model's when
 * every member with contributions has a model's, else the framework's (members without that source
 * are left out, and a note says how many). A feature a member's scorecard lacks counts as 0.
 * @example explainGap(subjects, 'female', 'male').features[0].feature
 */
export function explainGap(
  subjects: readonly GapSubject[],
  group: string,
  reference: string,
): GapExplanation {
  const members = subjects.filter((s) => s.group === group || s.group === reference);
  const withAny = members.filter((s) => s.contributions !== null);
  const notes: string[] = [];
  if (withAny.length === 0) {
    notes.push(
      `No scorecard of ${group} or ${reference} records contributions, so the gap cannot be explained.`,
    );
    return { group, reference, source: null, flaggedCount: 0, referenceCount: 0, features: [], notes };
  }
  const source: ContributionSource = withAny.every((s) => s.contributions!.source === 'model')
    ? 'model'
    : 'framework';
  const used = withAny.filter((s) => s.contributions!.source === source);
  const left = members.length - used.length;
  if (left > 0) {
    notes.push(
      `${left} member${left === 1 ? '' : 's'} of the two groups left out: no scorecard, or contributions of another kind.`,
    );
  }
  const of = (g: string) => used.filter((s) => s.group === g);
  const flagged = of(group);
  const ref = of(reference);
  if (flagged.length === 0 || ref.length === 0) {
    notes.push(`${flagged.length === 0 ? group : reference} has no scorecard with ${source} contributions.`);
    return {
      group,
      reference,
      source,
      flaggedCount: flagged.length,
      referenceCount: ref.length,
      features: [],
      notes,
    };
  }
  const features = [...new Set(used.flatMap((s) => Object.keys(s.contributions!.values)))];
  const mean = (list: readonly GapSubject[], f: string) =>
    list.reduce((sum, s) => sum + (s.contributions!.values[f] ?? 0), 0) / list.length;
  const gaps = features
    .map((feature): FeatureGap => {
      const flaggedMean = mean(flagged, feature);
      const referenceMean = mean(ref, feature);
      return { feature, flaggedMean, referenceMean, difference: flaggedMean - referenceMean };
    })
    .sort(
      (a, b) =>
        Math.abs(b.difference) - Math.abs(a.difference) ||
        (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
    );
  return {
    group,
    reference,
    source,
    flaggedCount: flagged.length,
    referenceCount: ref.length,
    features: gaps,
    notes,
  };
}
