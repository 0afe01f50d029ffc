// createWecomClient: the transport (client-core.ts) plus one typed method per wrapped endpoint.
import { acquisitionApi } from './api-acquisition.ts';
import { contactWaysApi } from './api-contact-ways.ts';
import { contactsApi } from './api-contacts.ts';
import { groupsApi } from './api-groups.ts';
import { mediaApi } from './api-media.ts';
import { messagesApi } from './api-messages.ts';
import { orgApi } from './api-org.ts';
import { transferApi } from './api-transfer.ts';
import { createCore, type WecomClientOptions, type WecomCore } from './client-core.ts';

export type WecomClient = WecomCore &
  ReturnType<typeof orgApi> &
  ReturnType<typeof contactsApi> &
  ReturnType<typeof contactWaysApi> &
  ReturnType<typeof groupsApi> &
  ReturnType<typeof messagesApi> &
  ReturnType<typeof transferApi> &
  ReturnType<typeof acquisitionApi> &
  ReturnType<typeof mediaApi>;

export function createWecomClient(opts: WecomClientOptions): WecomClient {
  if (!opts.corpId || !opts.secret) throw new Error('createWecomClient: corpId and secret are required');
  const core = createCore(opts);
  return {
    ...core,
    ...orgApi(core),
    ...contactsApi(core),
    ...contactWaysApi(core),
    ...groupsApi(core),
    ...messagesApi(core),
    ...transferApi(core),
    ...acquisitionApi(core),
    ...mediaApi(core),
  };
}
