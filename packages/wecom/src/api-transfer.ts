// In-service and departure inheritance of customers and groups: spec §7.
import type { WecomCore } from './client-core.ts';
import type {
  GroupChatTransferRequest, GroupChatTransferResult, TransferCustomerRequest, TransferCustomerResult, TransferResult,
  TransferResultRequest, UnassignedList, UnassignedListRequest,
} from './types-transfer.ts';

const EC = '/cgi-bin/externalcontact';

export function transferApi(core: WecomCore) {
  return {
    /** In-service: each customer at most twice per 90 days (40128); the customer may refuse. */
    transferCustomer: (req: TransferCustomerRequest) => core.call<TransferCustomerResult>('POST', `${EC}/transfer_customer`, { body: req, once: true }),
    transferResult: (req: TransferResultRequest) => core.call<TransferResult>('POST', `${EC}/transfer_result`, { body: req }),
    /** Customers of members who left, waiting for a new follower. */
    getUnassignedList: (req: UnassignedListRequest = {}) => core.call<UnassignedList>('POST', `${EC}/get_unassigned_list`, { body: req }),
    /** The handover member must have left (40097 otherwise). */
    resignedTransferCustomer: (req: TransferCustomerRequest) =>
      core.call<TransferCustomerResult>('POST', `${EC}/resigned/transfer_customer`, { body: req, once: true }),
    resignedTransferResult: (req: TransferResultRequest) => core.call<TransferResult>('POST', `${EC}/resigned/transfer_result`, { body: req }),
    /** Groups whose owner left. */
    groupChatTransfer: (req: GroupChatTransferRequest) => core.call<GroupChatTransferResult>('POST', `${EC}/groupchat/transfer`, { body: req }),
    /** Groups whose owner is still employed. */
    groupChatOnjobTransfer: (req: GroupChatTransferRequest) =>
      core.call<GroupChatTransferResult>('POST', `${EC}/groupchat/onjob_transfer`, { body: req }),
  };
}
