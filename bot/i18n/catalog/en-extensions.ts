// English texts of the message extension (message action, search, link unfurling) and voucher links.
import type { Catalog } from './types';

export const enExtensions = {
  'ext.addVoucherTitle': 'Add as voucher',
  'ext.messageCut': 'This message is long: I read only its first {max} characters.',
  'ext.unknownCommand':
    'This app does not know that command. Update the app in Teams, or ask the bot "help" in a chat.',
  'ext.noTenant': 'This only works for people signed in to an organization in Microsoft Teams.',
  'ext.failed':
    'Something went wrong. Please try again in a moment. Quote this id if it keeps happening: {id}',
  'ext.searchTooLong': 'Search with at most {max} characters: a voucher ID, a customer or a state.',
  'ext.preview': '{state} · {offering}',
  'link.openInStatusTab': 'Open in the Status tab',
} satisfies Catalog;

export type ExtensionsKey = keyof typeof enExtensions;
