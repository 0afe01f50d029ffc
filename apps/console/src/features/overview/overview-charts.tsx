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

function SourcePie({ bySource }: { bySource: CustomerStats['bySource'] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['62%', '50%'],
          data: bySource.map((s) => ({ name: labelOf('customerSource', s.source || 'unknown'), value: s.count })),
          label: { formatter: '{b}\n{d}%' },
        },
      ],
    }),
    [bySource, t], // t: labels follow the language switch
  );
  useEChart(ref, option);
  return <div ref={ref} style={{ height: CHART_HEIGHT }} data-testid="chart-by-source" />;
}
