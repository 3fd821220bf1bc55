/**
 * The adverse-impact audit as a pure function: people in, per-category tables out. The figures
 * are those of 29 CFR 1607.4(D) (selection rates, impact ratios against the highest group, the
 * four-fifths rule) and of the NYC DCWP rules 6 RCNY § 5-301 (scoring rates above the median,
 * intersectional categories, groups under 2% excluded, the count with unknown categories).
 */
import {
  AGE_BAND_VALUES,
  GROUP_LABELS,
  RACE_ETHNICITY_VALUES,
  SEX_VALUES,
  type Demographics,
} from './demographic-values.js';
import { cohensD, compareRates, median, type SignificanceTest } from './statistics.js';

/** One audited candidate. */
export interface AuditSubject {
  readonly candidateId: string;
  /** The overall score of the candidate's latest scorecard (0–100); null when never scored. */
  readonly score: number | null;
  /** Whether a person advanced them (a decision record of `advance`). */
  readonly advanced: boolean;
  /** What they said of themself; null when nothing is on record. */
  readonly demographics: Demographics | null;
}

export const AUDIT_CATEGORIES = ['sex', 'race_ethnicity', 'sex_race_ethnicity', 'age'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const CATEGORY_TITLES: Readonly<Record<AuditCategory, string>> = {
  sex: 'Sex',
  race_ethnicity: 'Race/ethnicity',
  sex_race_ethnicity: 'Intersectional: sex × race/ethnicity',
  age: 'Age: 40 or over vs under 40',
};

/** The four-fifths rule's threshold (29 CFR 1607.4(D)). */
export const FOUR_FIFTHS = 0.8;
/** Groups below this share of a category's known members may be left out of impact ratios (6 RCNY § 5-301(d)). */
export const EXCLUSION_SHARE = 0.02;
/** The significance level a difference is called significant at. */
export const ALPHA = 0.05;

/** One rate of a group and how it compares with the highest group's. */
export interface RateComparison {
  /** Share of the group: selected (or scoring above the median) over its members (or scored members); null with none. */
  readonly rate: number | null;
  /** The rate over the highest included group's rate; null when excluded or the highest rate is 0. */
  readonly impactRatio: number | null;
  /** Impact ratio under 0.8. */
  readonly belowFourFifths: boolean;
  /** The test against the highest group, null for that group itself or when it could not run. */
  readonly test: SignificanceTest | null;
  readonly p: number | null;
  /** p < 0.05. */
  readonly significant: boolean;
}

export interface GroupRow {
  readonly group: string;
  readonly label: string;
  readonly count: number;
  readonly selected: number;
  readonly selection: RateComparison;
  /** Members with a score, and of those the number above the median of everyone audited. */
  readonly scored: number;
  readonly aboveMedian: number;
  readonly scoring: RateComparison;
  readonly meanScore: number | null;
  /** Cohen's d of the group's scores against the highest scoring-rate group's; null for that group. */
  readonly standardisedMeanDifference: number | null;
}

export interface ExcludedGroup {
  readonly group: string;
  readonly label: string;
  readonly count: number;
  /** Share of the category's known members, 0–1. */
  readonly share: number;
}

export interface CategoryAudit {
  readonly category: AuditCategory;
  readonly title: string;
  /** Members with a known value in this category. */
  readonly total: number;
  /** Audited candidates with no value on record, or who declined, in this category. */
  readonly unknown: number;
  readonly groups: readonly GroupRow[];
  readonly excluded: readonly ExcludedGroup[];
  readonly selectionReference: string | null;
  readonly scoringReference: string | null;
  /** Groups whose selection or scoring impact ratio is under 0.8 (the four-fifths rule alone). */
  readonly belowFourFifths: readonly string[];
  /**
   * Groups under four-fifths on a rate whose difference from the highest group's is also
   * significant (p < 0.05): EEOC Q&A 20 and 21 do not regard small-number differences that are not
   * significant as adverse impact.
   */
  readonly flagged: readonly string[];
  /** What could not be computed, and why. */
  readonly notes: readonly string[];
}

export interface AuditOptions {
  /**
   * Groups under this share of a category's known members are listed as excluded instead of
   * compared; default 0.02 (6 RCNY § 5-301(d) allows it, "may"); 0 compares every group.
   */
  readonly minimumShare?: number;
}

export interface AuditFigures {
  readonly total: number;
  /** Candidates with no demographic record at all. */
  readonly unknownDemographics: number;
  readonly scored: number;
  readonly advanced: number;
  /** The median overall score of everyone audited with a score; null with none. */
  readonly medianScore: number | null;
  readonly categories: readonly CategoryAudit[];
  readonly notes: readonly string[];
}

interface Member {
  readonly subject: AuditSubject;
  readonly group: string;
}

/** Each subject's group in a category, or null when unknown or declined. */
export function groupOf(category: AuditCategory, d: Demographics | null): string | null {
  if (d === null) return null;
  const known = (v: string) => (v === 'declined' ? null : v);
  switch (category) {
    case 'sex':
      return known(d.sex);
    case 'race_ethnicity':
      return known(d.raceEthnicity);
    case 'sex_race_ethnicity': {
      const sex = known(d.sex);
      const race = known(d.raceEthnicity);
      return sex === null || race === null ? null : `${sex}:${race}`;
    }
    case 'age':
      return known(d.ageBand);
  }
}

function groupOrder(category: AuditCategory): string[] {
  const sexes = SEX_VALUES.filter((v) => v !== 'declined');
  const races = RACE_ETHNICITY_VALUES.filter((v) => v !== 'declined');
  switch (category) {
    case 'sex':
      return sexes;
    case 'race_ethnicity':
      return races;
    case 'sex_race_ethnicity':
      return sexes.flatMap((s) => races.map((r) => `${s}:${r}`));
    case 'age':
      return AGE_BAND_VALUES.filter((v) => v !== 'declined');
  }
}

/** @example groupLabel('female:asian') // 'Female · Asian (not Hispanic or Latino)' */
export function groupLabel(group: string): string {
  return group
    .split(':')
    .map((part) => GROUP_LABELS[part] ?? part)
    .join(' · ');
}

interface Tally {
  readonly group: string;
  readonly count: number;
  readonly selected: number;
  readonly scores: number[];
  readonly aboveMedian: number;
}

function tally(group: string, members: readonly Member[], medianScore: number | null): Tally {
  const scores = members.flatMap((m) => (m.subject.score === null ? [] : [m.subject.score]));
  return {
    group,
    count: members.length,
    selected: members.filter((m) => m.subject.advanced).length,
    scores,
    aboveMedian: medianScore === null ? 0 : scores.filter((s) => s > medianScore).length,
  };
}

const rateOf = (hits: number, n: number): number | null => (n === 0 ? null : hits / n);

function compare(
  hits: number,
  n: number,
  reference: { hits: number; n: number; rate: number } | null,
  isReference: boolean,
): RateComparison {
  const rate = rateOf(hits, n);
  if (rate === null || reference === null || reference.rate === 0) {
    return { rate, impactRatio: null, belowFourFifths: false, test: null, p: null, significant: false };
  }
  const impactRatio = rate / reference.rate;
  if (isReference)
    return { rate, impactRatio, belowFourFifths: false, test: null, p: null, significant: false };
  const { test, p } = compareRates([
    [hits, n - hits],
    [reference.hits, reference.n - reference.hits],
  ]);
  return { rate, impactRatio, belowFourFifths: impactRatio < FOUR_FIFTHS, test, p, significant: p < ALPHA };
}

/** The included group with the highest rate (the first in group order on a tie). */
function highest(tallies: readonly Tally[], hits: (t: Tally) => number, n: (t: Tally) => number) {
  let best: { group: string; hits: number; n: number; rate: number } | null = null;
  for (const t of tallies) {
    const rate = rateOf(hits(t), n(t));
    if (rate !== null && (best === null || rate > best.rate))
      best = { group: t.group, hits: hits(t), n: n(t), rate };
  }
  return best;
}

/**
 * One category's table: per group the counts, selection and scoring rates with impact ratios
 * against the highest group, the four-fifths flag, the significance test against that group, and
 * the standardised mean difference of scores.
 */
export function auditCategory(
  category: AuditCategory,
  subjects: readonly AuditSubject[],
  medianScore: number | null,
  options: AuditOptions = {},
): CategoryAudit {
  const minimumShare = options.minimumShare ?? EXCLUSION_SHARE;
  const title = CATEGORY_TITLES[category];
  const members: Member[] = [];
  let unknown = 0;
  for (const subject of subjects) {
    const group = groupOf(category, subject.demographics);
    if (group === null) unknown += 1;
    else members.push({ subject, group });
  }
  const total = members.length;
  const notes: string[] = [];
  const order = groupOrder(category);
  const present = order.filter((g) => members.some((m) => m.group === g));
  if (total === 0) {
    notes.push(
      `${title}: no audited candidate has a known value, so no rate or impact ratio can be computed.`,
    );
    const empty = {
      category,
      title,
      total,
      unknown,
      groups: [],
      excluded: [],
      belowFourFifths: [],
      flagged: [],
    };
    return { ...empty, selectionReference: null, scoringReference: null, notes };
  }
  const tallies = present.map((g) =>
    tally(
      g,
      members.filter((m) => m.group === g),
      medianScore,
    ),
  );
  const excluded: ExcludedGroup[] = tallies
    .filter((t) => t.count / total < minimumShare)
    .map((t) => ({ group: t.group, label: groupLabel(t.group), count: t.count, share: t.count / total }));
  const included = tallies.filter((t) => !excluded.some((e) => e.group === t.group));
  const missing = order.filter((g) => !present.includes(g));
  if (missing.length > 0 && category !== 'sex_race_ethnicity') {
    notes.push(`${title}: no members in ${missing.map(groupLabel).join('; ')}.`);
  }
  if (included.length < 2) {
    const share = `${(minimumShare * 100).toFixed(0)}%`;
    notes.push(
      `${title}: fewer than two groups of at least ${share} of members, so there is nothing to compare.`,
    );
  }
  const selectionRef = highest(
    included,
    (t) => t.selected,
    (t) => t.count,
  );
  const scoringRef = highest(
    included,
    (t) => t.aboveMedian,
    (t) => t.scores.length,
  );
  if (selectionRef !== null && selectionRef.rate === 0) {
    notes.push(`${title}: no one was advanced, so selection impact ratios are undefined.`);
  }
  if (medianScore === null) {
    notes.push(`${title}: no audited candidate has a score, so scoring rates are undefined.`);
  } else if (scoringRef !== null && scoringRef.rate === 0) {
    notes.push(`${title}: no group scored above the median, so scoring impact ratios are undefined.`);
  }
  const referenceScores = tallies.find((t) => t.group === scoringRef?.group)?.scores ?? [];
  const groups: GroupRow[] = included.map((t) => {
    const scoring = compare(t.aboveMedian, t.scores.length, scoringRef, t.group === scoringRef?.group);
    return {
      group: t.group,
      label: groupLabel(t.group),
      count: t.count,
      selected: t.selected,
      selection: compare(t.selected, t.count, selectionRef, t.group === selectionRef?.group),
      scored: t.scores.length,
      aboveMedian: t.aboveMedian,
      scoring,
      meanScore: t.scores.length === 0 ? null : t.scores.reduce((s, v) => s + v, 0) / t.scores.length,
      standardisedMeanDifference: t.group === scoringRef?.group ? null : cohensD(t.scores, referenceScores),
    };
  });
  const belowFourFifths = groups
    .filter((g) => g.selection.belowFourFifths || g.scoring.belowFourFifths)
    .map((g) => g.group);
  const adverse = (r: RateComparison) => r.belowFourFifths && r.significant;
  const flagged = groups.filter((g) => adverse(g.selection) || adverse(g.scoring)).map((g) => g.group);
  return {
    category,
    title,
    total,
    unknown,
    groups,
    excluded,
    selectionReference: selectionRef?.group ?? null,
    scoringReference: scoringRef?.group ?? null,
    belowFourFifths,
    flagged,
    notes,
  };
}

/**
 * The whole audit: the counts, the median score of everyone audited, and a table per category
 * (sex, race/ethnicity, their intersection, age 40 or over vs under 40).
 *
 * @example const figures = auditFigures(subjects); figures.categories[0].groups[1].selection.impactRatio
 */
export function auditFigures(subjects: readonly AuditSubject[], options: AuditOptions = {}): AuditFigures {
  const scores = subjects.flatMap((s) => (s.score === null ? [] : [s.score]));
  const medianScore = scores.length === 0 ? null : median(scores);
  const notes: string[] = [];
  if (subjects.length === 0) notes.push('No candidate is in the audit: nothing can be computed.');
  return {
    total: subjects.length,
    unknownDemographics: subjects.filter((s) => s.demographics === null).length,
    scored: scores.length,
    advanced: subjects.filter((s) => s.advanced).length,
    medianScore,
    categories: AUDIT_CATEGORIES.map((c) => auditCategory(c, subjects, medianScore, options)),
    notes,
  };
}
