// English texts of the dialogs a tab opens (Adaptive Card dialogs with the bot as completion bot).
import type { Catalog } from './types';

export const enDialogs = {
  'dialog.title': 'Planning Services',
  'dialog.unknownAction': 'This dialog sent an action I do not know. Nothing was changed.',
} satisfies Catalog;

export type DialogsKey = keyof typeof enDialogs;
