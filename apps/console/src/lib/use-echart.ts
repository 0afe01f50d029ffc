import { useEffect, useRef, type RefObject } from 'react';
import { echarts, type ChartOption } from './echarts.ts';

/** Draws `option` into the element behind `ref`, resizing with it; no wrapper package needed. */
export function useEChart(ref: RefObject<HTMLElement | null>, option: ChartOption | null): void {
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    // The sider collapses and cards reflow without a window resize, so watch the element itself.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [ref]);

  useEffect(() => {
    if (option && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [option]);
}
