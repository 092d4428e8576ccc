// The message extension's invoke names → handlers (one file per surface), for the bot's invoke table.
import type { Logger } from '../../logger';
import type { InvokeRoutes } from '../invokes/routes';
import { dialogMessage, extensionMessage, guarded } from './answers';
import { fetchAddVoucher, submitAddVoucher } from './message-action';
import { findVoucher } from './search';

export interface ExtensionOptions {
  logger: Logger;
  /** The host voucher links are on; links to other hosts are not unfurled. */
  publicHostname?: string;
}

export function extensionRoutes({ logger }: ExtensionOptions): InvokeRoutes {
  return {
    'composeExtension/fetchTask': guarded(logger, dialogMessage, fetchAddVoucher),
    'composeExtension/submitAction': guarded(logger, dialogMessage, submitAddVoucher),
    'composeExtension/query': guarded(logger, extensionMessage, findVoucher),
  };
}
