import type { GroupComparison, KnowledgeTrends, LabelSeries } from '../api/knowledge-trends';
import { formatShare } from '../format';
import type { ChartOption } from './echarts';
import { GRID_LINE, INSUFFICIENT, MUTED } from './theme';

/** Colours of VADER's three bands: positive, neutral, negative. */
export const SENTIMENT_COLOURS = { positive: '#0f766e', neutral: INSUFFICIENT, negative: '#c2410c' } as const;

const countAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { color: MUTED },
  splitLine: { lineStyle: { color: GRID_LINE } },
};

/** Weekly mentions per label (the most mentioned first), one line each; a spiking label's point marked. */
export function mentionsOption(trends: KnowledgeTrends, shown: readonly LabelSeries[]): ChartOption {
  const spiking = new Set(trends.alerts.map((a) => `${a.tagKind}:${a.labelKey}`));
  return {
    legend: { top: 0, type: 'scroll', textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: [...trends.weeks], axisLabel: { color: MUTED } },
    yAxis: { ...countAxis, name: 'mentions', nameTextStyle: { color: MUTED } },
    tooltip: { trigger: 'axis' },
    series: shown.map((s) => ({
      type: 'line' as const,
      name: s.tagKind === 'topic' ? s.label : `${s.label} (${s.tagKind})`,
      symbolSize: 6,
      data: s.points.map((p) => p.mentions),
      ...(spiking.has(`${s.tagKind}:${s.labelKey}`)
        ? {
            lineStyle: { width: 3 },
            markLine: {
              symbol: 'none',
              silent: true,
              label: { formatter: 'spike', color: MUTED },
              lineStyle: { color: MUTED, type: 'dashed' as const },
              data: [{ xAxis: trends.testedWeek }],
            },
          }
        : {}),
    })),
  };
}

/** One label's weekly mentions split by VADER band, stacked. */
export function sentimentOption(trends: KnowledgeTrends, series: LabelSeries): ChartOption {
  const band = (key: keyof typeof SENTIMENT_COLOURS, name: string) => ({
    type: 'bar' as const,
    name,
    stack: 'mentions',
    color: SENTIMENT_COLOURS[key],
    barMaxWidth: 28,
    data: series.points.map((p) => p[key]),
  });
  return {
    legend: { top: 0, textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 16, top: 36, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: [...trends.weeks], axisLabel: { color: MUTED } },
    yAxis: { ...countAxis, name: 'mentions', nameTextStyle: { color: MUTED } },
    tooltip: { trigger: 'axis' },
    series: [band('negative', 'Negative'), band('neutral', 'Neutral'), band('positive', 'Positive')],
  };
}

/** Per topic, the share of each group's interviews that mention it, groups side by side. */
export function comparisonOption(groups: readonly GroupComparison[], labels: readonly string[]): ChartOption {
  return {
    legend: { top: 0, textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: MUTED, formatter: (v: number) => formatShare(v) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...labels],
      axisLabel: { color: MUTED, width: 150, overflow: 'truncate' },
      axisTick: { show: false },
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatShare(v) : '—'),
    },
    series: groups.map((g) => ({
      type: 'bar' as const,
      name: groupName(g.group),
      barMaxWidth: 14,
      data: labels.map((label) => g.labels.find((l) => l.label === label)?.share ?? 0),
    })),
  };
}

/** `live interviews`, `churned` (an outcome). */
export function groupName(group: { readonly field: string; readonly value: string }): string {
  return group.field === 'kind' ? `${group.value} interviews` : `outcome: ${group.value}`;
}
