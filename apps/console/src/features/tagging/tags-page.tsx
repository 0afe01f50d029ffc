import { PlusOutlined } from '@ant-design/icons';
import type { TagGroup, Tag as TagT } from '@siyu/contracts';
import { App, Button, Col, Empty, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameModal } from '../../components/name-modal.tsx';
import { useCan } from '../tenancy/permissions.ts';
import { TagFormModal } from './tag-form-modal.tsx';
import { TagGroupCard } from './tag-group-card.tsx';
import { useTagGroups, useTagMutations } from './tags.api.ts';
import { PageTitle } from '../../components/page-title.tsx';

// Which dialog is open: at most one at a time.
type Dialog =
  | { kind: 'newGroup' }
  | { kind: 'renameGroup'; group: TagGroup }
  | { kind: 'newTag'; groupId: string }
  | { kind: 'editTag'; tag: TagT }
  | null;

export function TagsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const groups = useTagGroups();
  const m = useTagMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Staff see the tags read-only; leads and up manage them.
  const canManage = useCan()('tag.manage');
  const close = () => setDialog(null);
  const done = (msg: string) => () => {
    message.success(msg);
    close();
  };

  const onGroupName = (name: string) => {
    if (dialog?.kind === 'newGroup') m.createGroup.mutate(name, { onSuccess: done(t('common.saved')) });
    if (dialog?.kind === 'renameGroup') m.renameGroup.mutate({ id: dialog.group.id, name }, { onSuccess: done(t('common.saved')) });
  };
  const onTag = (v: { name: string; color: string | null }) => {
    if (dialog?.kind === 'newTag') m.createTag.mutate({ groupId: dialog.groupId, ...v }, { onSuccess: done(t('common.saved')) });
    if (dialog?.kind === 'editTag') m.updateTag.mutate({ id: dialog.tag.id, ...v }, { onSuccess: done(t('common.saved')) });
  };
  const deleted = () => message.success(t('common.deleted'));

  return (
    <>
      <PageTitle
        title={t('tags.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'newGroup' })} data-testid="new-tag-group">
              {t('tags.newGroup')}
            </Button>
          )
        }
      />
      {groups.isPending ? (
        <Skeleton active />
      ) : !groups.data?.length ? (
        <Empty description={canManage ? t('tags.emptyGroups') : t('tags.emptyGroupsReadOnly')} />
      ) : (
        <Row gutter={[16, 16]}>
          {groups.data.map((g) => (
            <Col key={g.id} xs={24} md={12} xl={8}>
              <TagGroupCard
                group={g}
                actions={
                  canManage
                    ? {
                        onRename: () => setDialog({ kind: 'renameGroup', group: g }),
                        onDelete: () => m.deleteGroup.mutate(g.id, { onSuccess: deleted }),
                        onAddTag: () => setDialog({ kind: 'newTag', groupId: g.id }),
                        onEditTag: (tag) => setDialog({ kind: 'editTag', tag }),
                        onDeleteTag: (tag) => m.deleteTag.mutate(tag.id, { onSuccess: deleted }),
                      }
                    : undefined
                }
              />
            </Col>
          ))}
        </Row>
      )}
      <NameModal
        formName="tag-group"
        open={dialog?.kind === 'newGroup' || dialog?.kind === 'renameGroup'}
        title={dialog?.kind === 'renameGroup' ? t('tags.renameGroup') : t('tags.newGroup')}
        label={t('tags.groupName')}
        requiredMessage={t('tags.groupNameRequired')}
        initialName={dialog?.kind === 'renameGroup' ? dialog.group.name : ''}
        maxLength={30}
        confirmLoading={m.createGroup.isPending || m.renameGroup.isPending}
        onSubmit={onGroupName}
        onCancel={close}
      />
      <TagFormModal
        open={dialog?.kind === 'newTag' || dialog?.kind === 'editTag'}
        tag={dialog?.kind === 'editTag' ? dialog.tag : null}
        confirmLoading={m.createTag.isPending || m.updateTag.isPending}
        onSubmit={onTag}
        onCancel={close}
      />
    </>
  );
}
