import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TagGroup, Tag as TagT } from '@siyu/contracts';
import { Button, Card, Empty, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';
import { tagColor } from './tag-colors.ts';

const SOURCE_COLOR: Record<TagT['source'], string> = { manual: 'default', rule: 'purple', wecom: 'green' };

export type TagGroupActions = {
  onRename: () => void;
  onDelete: () => void;
  onAddTag: () => void;
  onEditTag: (tag: TagT) => void;
  onDeleteTag: (tag: TagT) => void;
};

/** Without `actions` the card is read-only: no rename, delete or add controls at all. */
type Props = { group: TagGroup; actions?: TagGroupActions };

export function TagGroupCard({ group, actions: a }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="tag-group"
      title={
        <Space>
          <span>{group.name}</span>
          <Tag color={SOURCE_COLOR[group.source]} variant="outlined">
            {labelOf('tagSource', group.source)}
          </Tag>
        </Space>
      }
      extra={
        a && (
          <Space size={0}>
            <Tooltip title={t('tags.renameGroup')}>
              <Button type="text" size="small" icon={<EditOutlined />} onClick={a.onRename} aria-label={t('tags.renameGroup')} />
            </Tooltip>
            <Popconfirm title={t('tags.deleteGroupConfirm', { name: group.name })} onConfirm={a.onDelete} okButtonProps={{ danger: true }}>
              <Tooltip title={t('tags.deleteGroup')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('tags.deleteGroup')} />
              </Tooltip>
            </Popconfirm>
          </Space>
        )
      }
      actions={
        a && [
          <Button key="add" type="link" icon={<PlusOutlined />} onClick={a.onAddTag}>
            {t('tags.newTag')}
          </Button>,
        ]
      }
    >
      {group.tags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tags.emptyTags')} />
      ) : (
        <Flex vertical gap={4}>
          {group.tags.map((tag) => (
            <Flex key={tag.id} align="center" justify="space-between" gap={8} data-testid="tag-item">
              <Space size={4}>
                <Tag color={tagColor(tag.color)}>{tag.name}</Tag>
                {tag.source !== 'manual' && (
                  <Tag color={SOURCE_COLOR[tag.source]} variant="outlined" style={{ fontSize: 11 }}>
                    {labelOf('tagSource', tag.source)}
                  </Tag>
                )}
              </Space>
              <Space size={0}>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 4 }}>
                  {t('tags.customerCount', { count: tag.customerCount })}
                </Typography.Text>
                {a && (
                  <>
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => a.onEditTag(tag)} aria-label={t('tags.editTag')} />
                    <Popconfirm title={t('tags.deleteTagConfirm', { name: tag.name })} onConfirm={() => a.onDeleteTag(tag)} okButtonProps={{ danger: true }}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </>
                )}
              </Space>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
