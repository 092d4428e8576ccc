// The Teams edge as the composition root sees it: the adapter, the bot, the /api/messages endpoint, the turn
// error handler's words and the renderer of proactive reminder cards.
export { createAdapter } from './adapter';
export { CompanionBot, type BotDeps } from './bot';
export type { TabDialogCaller, TabDialogRunner } from './invokes/tab-dialogs';
export { installTurnErrorHandler, messagesEndpoint } from './messages-endpoint';
export { reminderRenderer } from './reminders-view';
export { say } from './say';
export { turnOf } from './turn-input';
export { registerVoucherLinks } from './voucher-link-route';
