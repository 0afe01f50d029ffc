import { Alert, Flex, Modal, QRCode, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { absoluteUrl, useBindLink } from './bind.api.ts';

/** 生成绑定链接: a fresh H5 link (and its QR) a staff member sends to the customer, who binds an order themselves. */
export function BindLinkModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useBindLink(customerId);
  const { mutate, reset } = link;

  // A new link each time the dialog opens: links expire, and each is tied to this customer.
  useEffect(() => {
    if (open) mutate();
    else reset();
  }, [open, mutate, reset]);

  const url = link.data ? absoluteUrl(link.data.url) : null;

  return (
    <Modal open={open} title={t('bindOrder.linkTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('bindOrder.linkIntro')}</Typography.Paragraph>
      {link.isError ? (
        <Alert type="error" showIcon title={link.error.message} />
      ) : !url || !link.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical align="center" gap={12}>
          <QRCode value={url} size={180} />
          <Typography.Paragraph copyable={{ text: url }} style={{ wordBreak: 'break-all', margin: 0 }} data-testid="bind-link-url">
            {url}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('bindOrder.linkExpires', { time: formatTime(link.data.expiresAt) })}</Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
