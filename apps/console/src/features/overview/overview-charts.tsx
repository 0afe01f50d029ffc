import { Card, Empty } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';
import type { ChartOption } from '../../lib/echarts.ts';
import { useEChart } from '../../lib/use-echart.ts';
import type { CustomerStats } from './stats.api.ts';

const CHART_HEIGHT = 320;

export function NewCustomersChart({ byDay }: { byDay: CustomerStats['byDay'] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: byDay.map((d) => d.date.slice(5)), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: t('overview.newCustomers'), data: byDay.map((d) => d.count), smooth: true, areaStyle: { opacity: 0.15 } }],
    }),
    [byDay, t],
  );
  useEChart(ref, option);
  return (
    <Card title={t('overview.byDay')}>
      <div ref={ref} style={{ height: CHART_HEIGHT }} data-testid="chart-by-day" />
    </Card>
  );
}

export function SourceChart({ bySource }: { bySource: CustomerStats['bySource'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('overview.bySource')}>
      {/* A separate component, so the chart mounts (and initializes) only once there is data. */}
      {bySource.length === 0 ? <Empty style={{ height: CHART_HEIGHT, paddingTop: 100 }} /> : <SourcePie bySource={bySource} />}
    </Card>
  );
}

// The legend carries every source with its share, so the ring needs no outside labels: those were
// clipped at the card's edge (the biggest slice) and piled up over the small slices. Hovering a
// slice shows its name and share in the ring's hole. A narrow card (a 1024px screen, a phone)
// puts the legend under the ring instead of beside it.
function SourcePie({ bySource }: { bySource: CustomerStats['bySource'] }) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(() => {
    const total = bySource.reduce((n, s) => n + s.count, 0) || 1;
    // Braces would be read as the legend's rich-text markup.
    const data = bySource.map((s) => ({ name: labelOf('customerSource', s.source || 'unknown').replace(/[{}|]/g, ''), value: s.count }));
    const en = i18n.language === 'en-US';
    const legendWidth = en ? 196 : 160;
    const share = new Map(data.map((d) => [d.name, formatShare(d.value / total)]));
    return {
      baseOption: {
        tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c}' },
        legend: { tooltip: { show: true } },
        series: [
          {
            type: 'pie',
            radius: ['50%', '80%'],
            data,
            label: { show: false, position: 'center' },
            labelLine: { show: false },
            emphasis: { label: { show: true, formatter: (p: { name: string }) => `${p.name}\n${share.get(p.name) ?? ''}`, fontSize: 14, fontWeight: 'bold', width: 90, overflow: 'break' } },
          },
        ],
      },
      // Re-evaluated on every resize. The first entry has no query: it is what applies when the
      // narrow one does not, and without it ECharts would keep the narrow layout once it matched.
      media: [
        {
          option: {
            // At most 12 sources (the server's top 12): they fit the height without paging.
            legend: {
              orient: 'vertical', left: 0, top: 'middle', bottom: 'auto', itemGap: 8, itemWidth: 25, itemHeight: 14,
              formatter: (name: string) => `{name|${name}}{share|${share.get(name) ?? ''}}`,
              // English names are longer; a long custom source is cut with an ellipsis (the tooltip has it whole).
              textStyle: { fontSize: 12, rich: { name: { width: en ? 112 : 76, overflow: 'truncate' }, share: { width: 44, align: 'right', color: '#8c8c8c' } } },
            },
            // The ring gets the box right of the legend, so it never runs past the card's edge.
            series: [{ left: legendWidth, bottom: 0 }],
          },
        },
        {
          // Too narrow for a ring of ~160px beside the legend: the legend wraps in rows underneath.
          query: { maxWidth: legendWidth + 160 },
          option: {
            // Plain text: the wide layout's fixed name width would give each item a row.
            legend: { orient: 'horizontal', left: 'center', top: 'auto', bottom: 0, itemGap: 8, itemWidth: 10, itemHeight: 10,
              formatter: (name: string) => `${name} ${share.get(name) ?? ''}`, textStyle: { fontSize: 11 } },
            series: [{ left: 0, bottom: 100 }],
          },
        },
      ],
    };
  }, [bySource, i18n.language]); // labels follow the language switch
  useEChart(ref, option);
  return <div ref={ref} style={{ height: CHART_HEIGHT }} data-testid="chart-by-source" />;
}

/** 0.404 → "40.4%"; a share that would round to 0 still shows as present. */
function formatShare(x: number): string {
  if (x > 0 && x < 0.001) return '<0.1%';
  return `${(x * 100).toFixed(1)}%`;
}
