import { PlusOutlined } from '@ant-design/icons';
import type { CustomerTag } from '@siyu/contracts';
import { App, Button, Card, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';
import { formatTime } from '../../lib/format.ts';
import { tagColor } from '../tagging/tag-colors.ts';
import { TagSelect } from '../tagging/tag-select.tsx';
import { useAssignTags } from './customers.api.ts';

type Props = { customerId: string; tags: CustomerTag[] };

export function CustomerTagsCard({ customerId, tags }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assign = useAssignTags(customerId);
  const [adding, setAdding] = useState<string[]>([]);
  const [reason, setReason] = useState('');

  const onAdd = () => {
    if (adding.length === 0) return;
    assign.mutate(
      { add: adding, remove: [], reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('detail.tagsUpdated'));
          setAdding([]);
          setReason('');
        },
      },
    );
  };

  const onRemove = (tagId: string) => assign.mutate({ add: [], remove: [tagId] }, { onSuccess: () => message.success(t('detail.tagsUpdated')) });

  // Who/when/why of each tag: manual tags name the staff member, automatic ones their source.
  const tooltip = (tag: CustomerTag) => (
    <>
      <div>{tag.groupName}</div>
      <div>{t('detail.tagBy', { name: tag.assignedByName ?? labelOf('tagSource', tag.source) })}</div>
      <div>{t('detail.tagAt', { time: formatTime(tag.assignedAt) })}</div>
      {tag.reason && <div>{t('detail.tagReason', { reason: tag.reason })}</div>}
    </>
  );

  return (
    <Card title={t('detail.tags')}>
      {tags.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('detail.noTags')}
        </Typography.Paragraph>
      )}
      {/* Holds the tags only, so its text is exactly the tag names. */}
      <Flex wrap gap={8} data-testid="customer-tags" style={{ marginBottom: tags.length ? 16 : 0 }}>
        {tags.map((tag) => (
            <Tooltip key={tag.tagId} title={tooltip(tag)}>
              <Tag
                color={tagColor(tag.color)}
                closable
                onClose={(e) => {
                  // Keep the tag until the server confirms; the response replaces the whole list.
                  e.preventDefault();
                  onRemove(tag.tagId);
                }}
                style={{ marginInlineEnd: 0 }}
                data-testid="customer-tag"
              >
                {tag.name}
              </Tag>
            </Tooltip>
        ))}
      </Flex>
      <Space.Compact style={{ width: '100%' }}>
        <TagSelect
          value={adding}
          onChange={setAdding}
          exclude={tags.map((tag) => tag.tagId)}
          placeholder={t('detail.addTagPlaceholder')}
          style={{ flex: 2, minWidth: 0 }}
          data-testid="add-tag-select"
        />
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('detail.reasonPlaceholder')} maxLength={200} style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} disabled={adding.length === 0} loading={assign.isPending} data-testid="add-tag-submit">
          {t('detail.addTag')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
