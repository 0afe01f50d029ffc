import { QuestionCircleOutlined } from '@ant-design/icons';
import type { MatchRate } from '@siyu/contracts';
import { Alert, Card, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../lib/echarts.ts';
import { percentOf } from '../../lib/format.ts';
import { useEChart } from '../../lib/use-echart.ts';
import { useMatchRate } from './shops.api.ts';

const HEIGHT = 260;

/**
 * 好友匹配率 per shop: of the buyers Siyu knows, how many are WeCom friends. Rates are computed
 * here from friends / buyers, so the chart never depends on how the server scales `rate`.
 */
export function MatchRateCard({ height = HEIGHT }: { height?: number }) {
  const { t } = useTranslation();
  const rate = useMatchRate();
  const total = rate.data?.total;

  const title = (
    <Flex gap={6} align="center">
      {t('matchRate.title')}
      <Tooltip title={t('matchRate.help')}>
        <QuestionCircleOutlined style={{ color: '#8c8c8c', fontSize: 14 }} />
      </Tooltip>
    </Flex>
  );
  const extra = total && total.buyers > 0 && (
    <Typography.Text type="secondary" data-testid="match-rate-total">
      {t('matchRate.total', { rate: percentOf(total.friends, total.buyers), friends: total.friends.toLocaleString(), buyers: total.buyers.toLocaleString() })}
    </Typography.Text>
  );

  return (
    <Card title={title} extra={extra} data-testid="match-rate-chart">
      {rate.isPending ? (
        <Skeleton active style={{ height }} />
      ) : rate.isError ? (
        <Alert type="error" showIcon title={rate.error.message} />
      ) : rate.data.shops.every((s) => s.buyers === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matchRate.empty')} style={{ height, paddingTop: height / 2 - 60 }} />
      ) : (
        <RateBars shops={rate.data.shops.filter((s) => s.buyers > 0)} height={height} />
      )}
    </Card>
  );
}

function RateBars({ shops, height }: { shops: MatchRate['shops']; height: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(() => {
    const names = shops.map((s) => `${t(`commerce.platform.${s.platform}`)} · ${s.shopName}`);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const s = shops[i];
          if (!s) return '';
          return `${names[i]}<br/>${t('matchRate.rate')}：${percentOf(s.friends, s.buyers)}%<br/>${t('matchRate.friends')} ${s.friends.toLocaleString()} / ${t('matchRate.buyers')} ${s.buyers.toLocaleString()}`;
        },
      },
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('matchRate.rate'),
          data: shops.map((s) => percentOf(s.friends, s.buyers)),
          barMaxWidth: 48,
          label: { show: true, position: 'top', formatter: '{c}%' },
          itemStyle: { color: '#1677ff', borderRadius: [4, 4, 0, 0] },
        },
      ],
    };
  }, [shops, t]);
  useEChart(ref, option);
  return <div ref={ref} style={{ height }} data-testid="match-rate-canvas" />;
}
