// es-ES texts of the dialogs a tab opens; en-dialogs.ts has the keys.
import type { DialogsKey } from './en-dialogs';
import type { Message } from './types';

export const esESDialogs: Record<DialogsKey, Message> = {
  'dialog.title': 'Planning Services',
  'dialog.unknownAction': 'Este cuadro de diálogo envió una acción que no conozco. No se ha cambiado nada.',
};
