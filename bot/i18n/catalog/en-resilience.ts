// English texts for a busy or unreachable database and for requests the bot cannot use (issue #13).
import type { Catalog } from './types';

export const enResilience = {
  'busy.title': 'The service is busy right now',
  'busy.notApplied': 'Nothing was changed. Please try again in a moment.',
  'busy.unknownTitle': 'Your change may not have been saved',
  'busy.unknown':
    'The service did not confirm your change in time. Open the item again to see whether it was saved before you repeat it.',
  'busy.reference': 'If it keeps happening, quote this reference: {id}',
  'busy.api': 'The service is busy right now. Nothing was changed. Please try again in a moment.',
  'invoke.unsupported': 'The app does not support this action here. Nothing was changed.',
} satisfies Catalog;
