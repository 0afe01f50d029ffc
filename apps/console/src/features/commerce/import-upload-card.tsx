import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Platform } from '@siyu/contracts';
import { App, Button, Card, Col, Flex, Form, Progress, Row, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartImport } from './imports.api.ts';
import { platformOptions } from './labels.tsx';
import { useShops } from './shops.api.ts';

const ACCEPT = /\.(csv|xlsx|xls)$/i;
const AUTO = 'auto';

/** Files (a Taobao export is two: 订单报表 + 宝贝报表, sent together), an optional shop and platform, 开始导入. */
export function ImportUploadCard({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shops = useShops();
  const start = useStartImport();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [shopId, setShopId] = useState<string | undefined>();
  const [platform, setPlatform] = useState<Platform | typeof AUTO>(AUTO);

  const onStart = () => {
    if (!files.length) return void message.warning(t('imports.noFiles'));
    start.mutate(
      {
        files: files.map((f) => (f.originFileObj ?? f) as unknown as File),
        shopId,
        platform: platform === AUTO ? undefined : platform,
      },
      {
        onSuccess: (job) => {
          setFiles([]);
          onStarted(job.id);
        },
      },
    );
  };

  return (
    <Card title={t('imports.title')}>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <div data-testid="import-upload">
        <Upload.Dragger
          multiple
          accept=".csv,.xlsx,.xls"
          fileList={files}
          disabled={start.isPending}
          // Kept in the browser until 开始导入: the files go up together in one request.
          beforeUpload={(file) => {
            if (!ACCEPT.test(file.name)) {
              message.error(t('imports.badType', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            setFiles((list) => [...list.filter((f) => f.name !== file.name), file]);
            return false;
          }}
          onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.drop')}</p>
          <p className="ant-upload-hint">{t('imports.dropHint')}</p>
        </Upload.Dragger>
      </div>
      <Form layout="vertical" style={{ marginTop: 16 }} disabled={start.isPending}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={9}>
            <Form.Item label={t('imports.shop')} style={{ marginBottom: 0 }}>
              <Select
                allowClear
                value={shopId}
                onChange={(id?: string) => {
                  setShopId(id);
                  // A shop knows its platform: no need to detect it.
                  const shop = shops.data?.find((x) => x.id === id);
                  setPlatform(shop ? shop.platform : AUTO);
                }}
                placeholder={t('imports.shopAuto')}
                loading={shops.isPending}
                options={(shops.data ?? []).map((s) => ({ value: s.id, label: `${t(`commerce.platform.${s.platform}`)} · ${s.name}` }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="import-shop"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item label={t('imports.platform')} style={{ marginBottom: 0 }}>
              <Select
                value={platform}
                onChange={setPlatform}
                options={[{ value: AUTO, label: t('imports.platformAuto') }, ...platformOptions()]}
                data-testid="import-platform"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Button
              type="primary"
              block
              icon={<CloudUploadOutlined />}
              loading={start.isPending}
              disabled={!files.length}
              onClick={onStart}
              data-testid="import-start"
            >
              {start.isPending ? t('imports.uploading', { percent: start.sent }) : t('imports.start')}
            </Button>
          </Col>
        </Row>
      </Form>
      {start.isPending && (
        <Flex style={{ marginTop: 12 }}>
          <Progress percent={start.sent} status="active" data-testid="import-upload-progress" />
        </Flex>
      )}
    </Card>
  );
}
