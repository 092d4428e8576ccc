// The message extension's invoke names → handlers (one file per surface), for the bot's invoke table.
import type { Logger } from '../../logger';
import type { InvokeRoutes } from '../invokes/routes';
import { dialogMessage, extensionMessage, guarded, resultList } from './answers';
import { fetchAddVoucher, submitAddVoucher } from './message-action';
import { findVoucher } from './search';
import { unfurlVoucherLink } from './link-unfurl';

export interface ExtensionOptions {
  logger: Logger;
  /** The host voucher links are on; links to other hosts are not unfurled. */
  publicHostname?: string;
}

export function extensionRoutes({ logger, publicHostname }: ExtensionOptions): InvokeRoutes {
  return {
    'composeExtension/fetchTask': guarded(logger, dialogMessage, fetchAddVoucher),
    'composeExtension/submitAction': guarded(logger, dialogMessage, submitAddVoucher),
    'composeExtension/query': guarded(logger, extensionMessage, findVoucher),
    // A failed unfurl answers like an unknown link: no card, and nothing that tells the voucher exists.
    'composeExtension/queryLink': guarded(logger, () => resultList([]), unfurlVoucherLink(publicHostname)),
  };
}
