import type { AuditCategory } from '../api';
import type { ChartOption } from './echarts';
import { ACCENT, GRID_LINE, MUTED } from './theme';

/** The audit's chart: impact ratios per group, selection and scoring, against the four-fifths line. */

const FOUR_FIFTHS = 0.8;
const SCORING = '#0f766e';
const BELOW = '#b42318';

/**
 * One category's impact ratios as horizontal bars (selection, scoring) with a dashed line at 0.8.
 * A bar under the line is red and its label says "under 4/5", so colour is never the only cue.
 * Groups without a ratio (the reference group has 1.00; excluded groups are not drawn) show no bar.
 */
export function impactRatioOption(category: AuditCategory): ChartOption {
  const groups = category.groups;
  const label = (v: number | null) =>
    v === null ? 'n/a' : `${v.toFixed(2)}${v < FOUR_FIFTHS ? ' · under 4/5' : ''}`;
  const series = (name: string, colour: string, pick: (i: number) => number | null) => ({
    type: 'bar' as const,
    name,
    barMaxWidth: 12,
    barGap: '25%',
    itemStyle: { color: colour },
    data: groups.map((_, i) => {
      const v = pick(i);
      return {
        value: v ?? 0,
        itemStyle: { color: v !== null && v < FOUR_FIFTHS ? BELOW : colour, borderRadius: 2 },
        label: {
          show: true,
          position: 'right' as const,
          color: '#1f2933',
          fontSize: 11,
          formatter: label(v),
        },
      };
    }),
  });
  const max = Math.max(
    1.2,
    ...groups.flatMap((g) => [g.selection.impactRatio ?? 0, g.scoring.impactRatio ?? 0]),
  );
  return {
    grid: { left: 8, right: 100, top: 28, bottom: 24, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: MUTED } },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(max * 10) / 10,
      axisLabel: { color: MUTED, formatter: (v: number) => v.toFixed(1) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => g.label),
      axisLabel: { color: MUTED, width: 220, overflow: 'truncate' },
      axisTick: { show: false },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    series: [
      {
        ...series('Selection impact ratio', ACCENT, (i) => groups[i]?.selection.impactRatio ?? null),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: BELOW, type: 'dashed', width: 1.5 },
          label: { formatter: 'four-fifths (0.8)', color: BELOW, position: 'start', fontSize: 11 },
          data: [{ xAxis: FOUR_FIFTHS }],
        },
      },
      series('Scoring impact ratio', SCORING, (i) => groups[i]?.scoring.impactRatio ?? null),
    ],
  };
}
