import type { ModelContribution, ModelFeature, ModelPoint } from '../api';
import type { ChartOption } from './echarts';
import { ACCENT, GRID_LINE, MUTED } from './theme';

/** Option builders for a scoring model's charts: pure functions from API data to an ECharts option. */

/** Bars to the right of zero: the accent; to the left: a warm hue that stays apart from it. */
const POSITIVE = ACCENT;
const NEGATIVE = '#c2410c';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

interface TooltipParam {
  readonly dataIndex?: number;
  readonly seriesIndex?: number;
}

/**
 * Each interview's cross-validated prediction against the raters' score, on the rating scale,
 * with the line where they would agree exactly.
 */
export function predictedVsRatedOption(
  points: readonly ModelPoint[],
  scale: { readonly min: number; readonly max: number },
): ChartOption {
  const axis = (name: string, nameGap: number) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap,
    nameTextStyle: { color: MUTED },
    min: scale.min,
    max: scale.max,
    axisLabel: { color: MUTED },
    splitLine: { lineStyle: { color: GRID_LINE } },
  });
  return {
    grid: { left: 36, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: axis("Raters' score", 30),
    yAxis: axis('Predicted (cross-validated)', 28),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const param = p as TooltipParam;
        if (param.seriesIndex !== 0) return 'predicted = rated';
        const point = points[param.dataIndex ?? -1];
        if (!point) return '';
        return `${escapeHtml(point.interview)} (person ${escapeHtml(point.person)})<br/>rated ${point.rated.toFixed(2)}, predicted ${point.predicted.toFixed(2)}`;
      },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: ACCENT, opacity: 0.75 },
        data: points.map((p) => [p.rated, p.predicted]),
      },
      {
        type: 'line',
        silent: true,
        symbol: 'none',
        lineStyle: { color: MUTED, type: 'dashed', width: 1 },
        data: [
          [scale.min, scale.min],
          [scale.max, scale.max],
        ],
      },
    ],
  };
}

function signedBars(
  labels: readonly string[],
  values: readonly number[],
  format: (v: number) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      axisLabel: { color: MUTED, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...labels],
      axisLabel: { color: MUTED, width: 190, overflow: 'truncate' },
      axisTick: { show: false },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as TooltipParam).dataIndex ?? -1;
        return `${escapeHtml(labels[i] ?? '')}: ${format(values[i] ?? 0)}`;
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        data: values.map((v) => ({
          value: v,
          itemStyle: { color: v < 0 ? NEGATIVE : POSITIVE, borderRadius: 2 },
          label: {
            show: true,
            position: v < 0 ? 'left' : 'right',
            color: '#1f2933',
            formatter: format(v),
          },
        })),
      },
    ],
  };
}

/** Points with their sign; a value that rounds to zero is plain 0.0. */
const points = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`);

/**
 * A model's weights: points of the 0–100 prediction per standard deviation of each feature,
 * largest first; bars left of zero lower the prediction as the feature grows.
 */
export function weightsOption(
  features: readonly ModelFeature[],
  names: (signal: string) => string,
): ChartOption {
  const sorted = [...features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return signedBars(
    sorted.map((f) => names(f.signal)),
    sorted.map((f) => f.weight * 100),
    points,
  );
}

/** One scorecard's contributions: points each feature added to or took from the model's prediction. */
export function contributionsOption(contributions: readonly ModelContribution[]): ChartOption {
  return signedBars(
    contributions.map((c) => c.name),
    contributions.map((c) => c.points),
    points,
  );
}
