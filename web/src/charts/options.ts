import type { CohortCompetency, CohortDetail, Comparison, CompetencyResult, ProgressSeries } from '../api';
import { formatShare } from '../format';
import type { ChartOption } from './echarts';
import { ACCENT, GRID_LINE, INSUFFICIENT, MUTED } from './theme';

/** Option builders for the app's charts: pure functions from API data to an ECharts option. */

const scoreAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  interval: 25,
  axisLabel: { color: MUTED },
  splitLine: { lineStyle: { color: GRID_LINE } },
};

const categoryLabel = { color: MUTED, width: 150, overflow: 'truncate' as const };

interface TooltipParam {
  readonly seriesName?: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly data?: unknown;
  readonly marker?: string;
  readonly axisValueLabel?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** Competency scores as horizontal bars 0–100; a competency without enough evidence says so. */
export function competencyOption(competencies: readonly CompetencyResult[]): ChartOption {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: scoreAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: competencies.map((c) => c.name),
      axisLabel: categoryLabel,
      axisTick: { show: false },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const param = p as TooltipParam;
        const c = competencies.find((x) => x.name === param.name);
        if (!c) return '';
        const score = c.score === null ? 'insufficient evidence' : `${Math.round(c.score)} / 100`;
        return `${escapeHtml(c.name)}: ${score}<br/>confidence ${formatShare(c.confidence)}`;
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        showBackground: true,
        backgroundStyle: { color: '#f1f3f6', borderRadius: 3 },
        data: competencies.map((c) => ({
          value: c.score ?? 0,
          itemStyle: { color: c.score === null ? INSUFFICIENT : ACCENT, borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            color: c.score === null ? MUTED : '#1f2933',
            formatter: c.score === null ? 'Insufficient evidence' : String(Math.round(c.score)),
          },
        })),
      },
    ],
  };
}

/** Candidates side by side: one group of horizontal bars per competency, one colour per candidate. */
export function compareOption(comparison: Comparison): ChartOption {
  const { competencies, candidates } = comparison;
  return {
    legend: { top: 0, textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 32, top: 36, bottom: 24, containLabel: true },
    xAxis: scoreAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: competencies.map((c) => c.name),
      axisLabel: categoryLabel,
      axisTick: { show: false },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const params = p as TooltipParam[];
        const competency = competencies.find((c) => c.name === params[0]?.name);
        const lines = params.map((param) => {
          const candidate = candidates.find((c) => c.candidateName === param.seriesName);
          const score = competency && candidate ? candidate.scores[competency.id] : null;
          const text =
            score === null || score === undefined ? 'insufficient evidence' : String(Math.round(score));
          return `${param.marker ?? ''}${escapeHtml(param.seriesName ?? '')}: ${text}`;
        });
        return [escapeHtml(params[0]?.name ?? ''), ...lines].join('<br/>');
      },
    },
    series: candidates.map((candidate) => ({
      type: 'bar' as const,
      name: candidate.candidateName,
      barMaxWidth: 14,
      data: competencies.map((c) => candidate.scores[c.id] ?? 0),
    })),
  };
}

/**
 * Practice progress: the overall line (thick, always) and the competencies the student picked,
 * through the sessions of one mode (single answers or mock interviews), oldest first.
 */
export function progressOption(
  progress: readonly ProgressSeries[],
  picked: ReadonlySet<string>,
  mode: 'answer' | 'mock',
): ChartOption {
  const lines = progress.filter((series) => series.id === 'overall' || picked.has(series.id));
  return {
    legend: { type: 'plain', top: 0, textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 24, top: 36 + 24 * Math.floor(lines.length / 4), bottom: 24, containLabel: true },
    xAxis: {
      type: 'time',
      axisLabel: { color: MUTED, formatter: '{d} {MMM}', hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: scoreAxis,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? String(Math.round(v)) : '—'),
    },
    series: lines.map((series) => {
      const data = series.points
        .filter((p) => p.mode === mode)
        .map((p) => [p.at, p.score] as [string, number | null]);
      return series.id === 'overall'
        ? {
            type: 'line' as const,
            name: series.name,
            data,
            lineStyle: { width: 3 },
            symbolSize: 7,
            color: '#1f2933',
          }
        : { type: 'line' as const, name: series.name, connectNulls: true, symbolSize: 5, data };
    }),
  };
}

/** The cohort's spread per competency: whiskers min–max, box p25–p75, line at the median. */
export function cohortOption(competencies: readonly CohortCompetency[]): ChartOption {
  const shown = competencies;
  const unscored = new Set(shown.filter((c) => c.median === null).map((c) => c.name));
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: scoreAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((c) => c.name),
      axisLabel: {
        ...categoryLabel,
        width: 190,
        formatter: (name: string) => (unscored.has(name) ? `${name} (no scores)` : name),
      },
      axisTick: { show: false },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const c = shown.find((x) => x.name === (p as TooltipParam).name);
        if (!c) return '';
        if (c.median === null) return `${escapeHtml(c.name)}: no scored sessions yet`;
        const f = (v: number | null) => (v === null ? '—' : String(Math.round(v)));
        return (
          `${escapeHtml(c.name)}<br/>median ${f(c.median)} (middle half ${f(c.p25)}–${f(c.p75)})` +
          `<br/>range ${f(c.min)}–${f(c.max)}<br/>below 50: ${formatShare(c.shareBelow50)}`
        );
      },
    },
    series: [
      {
        type: 'boxplot',
        boxWidth: [8, 18],
        itemStyle: { color: '#dbe4ff', borderColor: ACCENT, borderWidth: 1.5 },
        data: shown.map((c) =>
          c.median === null
            ? []
            : [c.min ?? c.median, c.p25 ?? c.median, c.median, c.p75 ?? c.median, c.max ?? c.median],
        ),
      },
    ],
  };
}

/** Weekly means per competency across the cohort, with the number of sessions as light bars. */
export function trendOption(detail: CohortDetail, only: string | null = null): ChartOption {
  const weeks = detail.trend.map((t) => t.week);
  return {
    legend: { top: 0, textStyle: { color: '#1f2933' } },
    grid: { left: 8, right: 8, top: only === null ? 72 : 40, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: weeks, axisLabel: { color: MUTED } },
    yAxis: [
      { ...scoreAxis, name: 'score', nameTextStyle: { color: MUTED } },
      {
        type: 'value',
        name: 'sessions',
        minInterval: 1,
        nameTextStyle: { color: MUTED },
        axisLabel: { color: MUTED },
        splitLine: { show: false },
      },
    ],
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? String(Math.round(v)) : '—'),
    },
    series: [
      {
        type: 'bar',
        name: 'Sessions',
        yAxisIndex: 1,
        color: '#cbd2d9',
        barMaxWidth: 24,
        data: detail.trend.map((t) => t.sessions),
      },
      ...detail.competencies
        .filter((c) => only === null || c.id === only)
        .map((c) => ({
          type: 'line' as const,
          name: c.name,
          connectNulls: true,
          symbolSize: 5,
          data: detail.trend.map((t) => t.competencies[c.id] ?? null),
        })),
    ],
  };
}
