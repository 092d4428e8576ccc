// pt-BR texts of the dialogs a tab opens; en-dialogs.ts has the keys.
import type { DialogsKey } from './en-dialogs';
import type { Message } from './types';

export const ptBRDialogs: Record<DialogsKey, Message> = {
  'dialog.title': 'Planning Services',
  'dialog.unknownAction': 'Esta caixa de diálogo enviou uma ação que não conheço. Nada foi alterado.',
};
