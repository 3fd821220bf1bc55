import { useEffect, useRef, useState } from 'react';
import type { ChartOption, ECharts } from './echarts';
import { FONT, INK, SERIES_COLOURS } from './theme';

interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, in one or two sentences, for people who cannot see it. */
  readonly label: string;
  readonly height: number;
  readonly testId?: string;
}

/**
 * One ECharts chart (SVG renderer) that follows its container's width and is disposed on unmount.
 * The container is an image with a text label; the pages also show the numbers as text.
 *
 * @example <Chart option={competencyOption(card)} label="Scores per competency" height={320} />
 */
export function Chart({ option, label, height, testId }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    let live = true;
    import('./echarts').then(
      ({ createChart }) => {
        if (!live) return;
        instance = createChart(el);
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(el);
        setChart(instance);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      observer?.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    chart?.setOption(
      {
        color: SERIES_COLOURS,
        textStyle: { fontFamily: FONT, color: INK },
        animationDuration: 300,
        ...option,
      },
      { notMerge: true },
    );
  }, [chart, option]);

  return (
    <div
      ref={element}
      className="chart"
      role="img"
      aria-label={label}
      aria-busy={chart === null && !failed}
      data-testid={testId}
      data-ready={chart !== null ? 'true' : undefined}
      style={{ height }}
    >
      {failed && <p className="muted">The chart could not be loaded; the numbers are listed on this page.</p>}
    </div>
  );
}
