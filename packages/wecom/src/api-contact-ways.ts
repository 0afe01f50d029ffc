// Contact ways (联系我 / 渠道活码) and the welcome message: spec §3.
import type { WecomCore } from './client-core.ts';
import type {
  AddContactWayRequest, AddContactWayResult, GetContactWayResult, ListContactWayRequest, ListContactWayResult,
  SendWelcomeMsgRequest, UpdateContactWayRequest,
} from './types-contact-ways.ts';

const EC = '/cgi-bin/externalcontact';

export function contactWaysApi(core: WecomCore) {
  return {
    /** Returns config_id (keep it: API-created ways are invisible in the admin console) and, for scene 2, qr_code. */
    addContactWay: (req: AddContactWayRequest) => core.call<AddContactWayResult>('POST', `${EC}/add_contact_way`, { body: req, once: true }),
    getContactWay: (configId: string) => core.call<GetContactWayResult>('POST', `${EC}/get_contact_way`, { body: { config_id: configId } }),
    /** API-created ways only; start_time defaults to 90 days ago on WeCom's side. */
    listContactWay: (req: ListContactWayRequest = {}) => core.call<ListContactWayResult>('POST', `${EC}/list_contact_way`, { body: req }),
    updateContactWay: (req: UpdateContactWayRequest) => core.call('POST', `${EC}/update_contact_way`, { body: req }),
    delContactWay: (configId: string) => core.call('POST', `${EC}/del_contact_way`, { body: { config_id: configId } }),
    closeTempChat: (userid: string, externalUserId: string) =>
      core.call('POST', `${EC}/close_temp_chat`, { body: { userid, external_userid: externalUserId } }),
    /** The welcome_code is single-use and valid ~20 s after the add-friend event. */
    sendWelcomeMsg: (req: SendWelcomeMsgRequest) => core.call('POST', `${EC}/send_welcome_msg`, { body: req, once: true }),
  };
}
