/**
 * ECharts, loaded piece by piece: only the charts and components the pages draw, rendered as SVG
 * (crisp at any zoom, a smaller bundle than the full build). `chart.tsx` imports this module
 * lazily, so pages without a chart never download it.
 */
import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  BoxplotChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export type { ECharts };

/** A chart in `element`, drawn with the SVG renderer. */
export function createChart(element: HTMLElement): ECharts {
  return init(element, undefined, { renderer: 'svg' });
}
