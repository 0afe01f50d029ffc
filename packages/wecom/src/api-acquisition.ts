// Customer acquisition links (获客助手): spec §8.
import type { WecomCore } from './client-core.ts';
import type {
  AcquisitionCustomersRequest, AcquisitionCustomersResult, AcquisitionQuota, CreateAcquisitionLinkRequest,
  CreateAcquisitionLinkResult, GetAcquisitionLinkResult, ListAcquisitionLinksRequest, ListAcquisitionLinksResult,
  UpdateAcquisitionLinkRequest,
} from './types-acquisition.ts';

const CA = '/cgi-bin/externalcontact/customer_acquisition';

export function acquisitionApi(core: WecomCore) {
  return {
    /** Append ?customer_channel=<value> to link.url for attribution (it returns as State). */
    createAcquisitionLink: (req: CreateAcquisitionLinkRequest) =>
      core.call<CreateAcquisitionLinkResult>('POST', `${CA}/create_link`, { body: req, once: true }),
    listAcquisitionLinks: (req: ListAcquisitionLinksRequest = {}) =>
      core.call<ListAcquisitionLinksResult>('POST', `${CA}/list_link`, { body: req }),
    getAcquisitionLink: (linkId: string) => core.call<GetAcquisitionLinkResult>('POST', `${CA}/get`, { body: { link_id: linkId } }),
    updateAcquisitionLink: (req: UpdateAcquisitionLinkRequest) => core.call('POST', `${CA}/update_link`, { body: req }),
    deleteAcquisitionLink: (linkId: string) => core.call('POST', `${CA}/delete_link`, { body: { link_id: linkId } }),
    acquisitionCustomers: (req: AcquisitionCustomersRequest) => core.call<AcquisitionCustomersResult>('POST', `${CA}/customer`, { body: req }),
    acquisitionQuota: () => core.call<AcquisitionQuota>('GET', '/cgi-bin/externalcontact/customer_acquisition_quota'),
  };
}
