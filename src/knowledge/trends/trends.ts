/** Weekly series per label, with spike alerts, from the store's weekly counts (issue 16 part 4). */
import type { TrendTagKind, WeeklyLabelCount } from '../../store/index.js';
import { DEFAULT_SPIKE_RULE, discoveries, isSpike, type SpikeRule, type SpikeVerdict } from './spikes.js';
import { addWeeks, isoWeekOf, lastCompleteWeek, weeksBetween } from './weeks.js';

export interface WeekPoint {
  /** Monday of the ISO week (UTC), `YYYY-MM-DD`. */
  readonly week: string;
  readonly mentions: number;
  readonly interviews: number;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  readonly meanSentiment: number | null;
}

export interface LabelSeries {
  readonly tagKind: TrendTagKind;
  readonly labelKey: string;
  readonly label: string;
  readonly mentions: number;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  /** Mean VADER compound over every scored mention. */
  readonly meanSentiment: number | null;
  /** One point per week of `Trends.weeks`, zeros where nothing was said. */
  readonly points: readonly WeekPoint[];
}

export interface SpikeAlert {
  readonly tagKind: TrendTagKind;
  readonly labelKey: string;
  readonly label: string;
  /** The complete week tested. */
  readonly week: string;
  readonly mentions: number;
  readonly baselineMean: number;
  readonly baselineWeeks: number;
  readonly pValue: number;
}

export interface Trends {
  /** Every week shown, oldest first; the last may still be running. */
  readonly weeks: readonly string[];
  /** The last complete week, the one alerts test. */
  readonly testedWeek: string;
  /** Labels with the most mentions first, at most `maxLabels`. */
  readonly series: readonly LabelSeries[];
  /** Labels whose tested week is a spike, least likely first (all labels, not only those shown). */
  readonly alerts: readonly SpikeAlert[];
  readonly rule: SpikeRule;
}

export interface TrendOptions {
  /** The time the trends are read at: the week running at `now` is not complete. */
  readonly now: Date;
  /** First instant in range (the filter's start), if any. */
  readonly start?: string;
  /** First instant after the range, if any. */
  readonly end?: string;
  /** Labels returned in `series`; 20 when left out. */
  readonly maxLabels?: number;
  readonly rule?: SpikeRule;
}

/**
 * Dense weekly series per label and the labels that spiked in the last complete week.
 * @example buildTrends(await store.knowledgeTrends.weekly(ws.id), { now: new Date() }).alerts
 */
export function buildTrends(counts: readonly WeeklyLabelCount[], options: TrendOptions): Trends {
  const rule = options.rule ?? DEFAULT_SPIKE_RULE;
  const endTime = options.end === undefined ? options.now : minDate(options.now, new Date(options.end));
  const lastWeek = isoWeekOf(new Date(endTime.getTime() - 1));
  const testedWeek = lastCompleteWeek(endTime);
  const dataFirst = counts.reduce<string | null>((a, c) => (a === null || c.week < a ? c.week : a), null);
  const firstWeek =
    options.start !== undefined ? isoWeekOf(new Date(options.start)) : (dataFirst ?? testedWeek);
  const weeks = weeksBetween(firstWeek, lastWeek);
  const byLabel = new Map<string, WeeklyLabelCount[]>();
  for (const c of counts) {
    const key = `${c.tagKind}\u0000${c.labelKey}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), c]);
  }
  const series: LabelSeries[] = [];
  const alerts: SpikeAlert[] = [];
  const baselineWeeks = weeksBetween(
    maxWeek(firstWeek, addWeeks(testedWeek, -rule.baselineWeeks)),
    addWeeks(testedWeek, -1),
  );
  const tested: { first: WeeklyLabelCount; verdict: SpikeVerdict }[] = [];
  for (const rows of byLabel.values()) {
    const first = rows[0];
    if (first === undefined) continue;
    const byWeek = new Map(rows.map((r) => [r.week, r]));
    const points = weeks.map((week) => point(week, byWeek.get(week)));
    series.push(summarise(first, points));
    const verdict = isSpike(
      byWeek.get(testedWeek)?.mentions ?? 0,
      baselineWeeks.map((w) => byWeek.get(w)?.mentions ?? 0),
      rule,
    );
    if (verdict !== null) tested.push({ first, verdict });
  }
  // Every label with a verdict was tested: the week's alerts keep the false discovery rate.
  const discovered = discoveries(
    tested.map((t) => t.verdict.pValue),
    rule.falseDiscoveryRate,
  );
  for (const [index, { first, verdict }] of tested.entries()) {
    if (verdict.spike && discovered[index] === true) {
      alerts.push({
        tagKind: first.tagKind,
        labelKey: first.labelKey,
        label: first.label,
        week: testedWeek,
        mentions: verdict.mentions,
        baselineMean: verdict.baselineMean,
        baselineWeeks: baselineWeeks.length,
        pValue: verdict.pValue,
      });
    }
  }
  series.sort((a, b) => b.mentions - a.mentions || a.labelKey.localeCompare(b.labelKey));
  alerts.sort((a, b) => a.pValue - b.pValue || b.mentions - a.mentions);
  return { weeks, testedWeek, series: series.slice(0, options.maxLabels ?? 20), alerts, rule };
}

function point(week: string, row: WeeklyLabelCount | undefined): WeekPoint {
  return {
    week,
    mentions: row?.mentions ?? 0,
    interviews: row?.interviews ?? 0,
    positive: row?.positive ?? 0,
    neutral: row?.neutral ?? 0,
    negative: row?.negative ?? 0,
    meanSentiment: row?.meanSentiment ?? null,
  };
}

function summarise(first: WeeklyLabelCount, points: readonly WeekPoint[]): LabelSeries {
  let mentions = 0;
  let positive = 0;
  let neutral = 0;
  let negative = 0;
  let sentimentSum = 0;
  for (const p of points) {
    mentions += p.mentions;
    positive += p.positive;
    neutral += p.neutral;
    negative += p.negative;
    if (p.meanSentiment !== null) sentimentSum += p.meanSentiment * (p.positive + p.neutral + p.negative);
  }
  const scored = positive + neutral + negative;
  return {
    tagKind: first.tagKind,
    labelKey: first.labelKey,
    label: first.label,
    mentions,
    positive,
    neutral,
    negative,
    meanSentiment: scored === 0 ? null : sentimentSum / scored,
    points,
  };
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function maxWeek(a: string, b: string): string {
  return a >= b ? a : b;
}
