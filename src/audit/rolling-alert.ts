/**
 * The rolling fairness check (issue 12): over the last N scored candidates, each group's scoring
 * rate (the share scoring above the window's median, as 6 RCNY § 5-301 defines it) against the
 * highest group's; a group of at least `minGroup` members whose impact ratio is under 0.8
 * (29 CFR 1607.4(D)) raises an alert. Pure: rows in, findings out.
 */
import { GROUP_LABELS, type Demographics } from './demographic-values.js';
import { median } from './statistics.js';

/** The categories the rolling check watches (the intersection is left to the full audit: its groups are rarely 30 strong in a window). */
export const ALERT_CATEGORIES = ['sex', 'race_ethnicity', 'age'] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

export const DEFAULT_FAIRNESS_WINDOW = 200;
export const DEFAULT_FAIRNESS_MIN_GROUP = 30;
/** The four-fifths rule's threshold (29 CFR 1607.4(D)). */
export const ALERT_THRESHOLD = 0.8;

/** One candidate of the window: their latest score by the watched scorer, and what they said of themself. */
export interface WindowMember {
  /** 0–100. */
  readonly score: number;
  readonly demographics: Demographics | null;
}

export interface GroupRate {
  readonly category: AlertCategory;
  readonly group: string;
  readonly label: string;
  readonly members: number;
  readonly aboveMedian: number;
  /** aboveMedian / members. */
  readonly rate: number;
  /** rate over the highest eligible group's rate; null when that rate is 0. */
  readonly impactRatio: number | null;
  readonly reference: string;
}

export interface RollingCheck {
  /** Candidates in the window (at most the window size). */
  readonly window: number;
  readonly medianScore: number | null;
  /** Every eligible group (≥ minGroup members) of every category. */
  readonly groups: readonly GroupRate[];
  /** The eligible groups with an impact ratio under 0.8. */
  readonly alerts: readonly GroupRate[];
}

export interface RollingOptions {
  /** Groups with fewer members are not compared (default 30). */
  readonly minGroup?: number;
}

function groupOf(category: AlertCategory, d: Demographics | null): string | null {
  if (d === null) return null;
  const value = category === 'sex' ? d.sex : category === 'race_ethnicity' ? d.raceEthnicity : d.ageBand;
  return value === 'declined' ? null : value;
}

/**
 * Scoring rates per group over a window and the groups under four-fifths. Only groups with at
 * least `minGroup` members are compared, and the reference is the highest of those: a group of
 * five is neither alerted on nor made the yardstick.
 *
 * @example rollingCheck(members, { minGroup: 30 }).alerts // [{ category: 'sex', group: 'female', impactRatio: 0.62, … }]
 */
export function rollingCheck(members: readonly WindowMember[], options: RollingOptions = {}): RollingCheck {
  const minGroup = options.minGroup ?? DEFAULT_FAIRNESS_MIN_GROUP;
  if (members.length === 0) return { window: 0, medianScore: null, groups: [], alerts: [] };
  const medianScore = median(members.map((m) => m.score));
  const groups: GroupRate[] = [];
  for (const category of ALERT_CATEGORIES) {
    const tallies = new Map<string, { members: number; aboveMedian: number }>();
    for (const m of members) {
      const group = groupOf(category, m.demographics);
      if (group === null) continue;
      const t = tallies.get(group) ?? { members: 0, aboveMedian: 0 };
      t.members += 1;
      if (m.score > medianScore) t.aboveMedian += 1;
      tallies.set(group, t);
    }
    const eligible = [...tallies.entries()]
      .filter(([, t]) => t.members >= minGroup)
      .map(([group, t]) => ({ group, ...t, rate: t.aboveMedian / t.members }))
      .sort((a, b) => b.rate - a.rate || a.group.localeCompare(b.group));
    const top = eligible[0];
    if (top === undefined || eligible.length < 2) continue;
    for (const g of eligible) {
      groups.push({
        category,
        group: g.group,
        label: GROUP_LABELS[g.group] ?? g.group,
        members: g.members,
        aboveMedian: g.aboveMedian,
        rate: g.rate,
        impactRatio: top.rate === 0 ? null : g.rate / top.rate,
        reference: top.group,
      });
    }
  }
  return {
    window: members.length,
    medianScore,
    groups,
    alerts: groups.filter((g) => g.impactRatio !== null && g.impactRatio < ALERT_THRESHOLD),
  };
}
