// What the page's parts share: the current words, the API client, and the page-wide actions.
import type { ActionRequest } from './action-dialog';
import type { TabClient } from './api-client';
import type { Translator } from './i18n';

export interface TabContext {
  /** The current language's words (changes when the picker or the person's override changes it). */
  readonly tr: Translator;
  readonly client: TabClient;
  /** Says `text` to screen readers through the page's live region. */
  announce(text: string): void;
  /** Replaces the page with the message for a failed request. */
  showError(err: unknown): void;
  /** Rebuilds the whole page from the loaded overview. */
  render(): void;
  openDetail(voucherId: string, opener?: HTMLElement): void;
  /** Opens an action on a voucher as a dialog with the chat's card. */
  runAction(request: ActionRequest, opener?: HTMLElement): void;
}
