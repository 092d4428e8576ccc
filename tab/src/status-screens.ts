// The whole-page states before or instead of the status: loading, and a message with an optional retry.
import { append, clear, h } from './dom';
import type { Translator } from './i18n';

/** Loading before the language is known: a spinner without words (its label is for screen readers only). */
export function showBusy(root: HTMLElement, tr: Translator, live: HTMLElement): void {
  clear(root);
  append(root, [
    h(
      'main',
      { class: 'message', 'aria-busy': 'true' },
      h('div', {
        class: 'spinner',
        id: 'loading',
        role: 'progressbar',
        'aria-label': tr.t('loading'),
        lang: tr.locale,
      }),
    ),
    live,
  ]);
}

export function showMessage(
  root: HTMLElement,
  tr: Translator,
  live: HTMLElement,
  text: string,
  retry?: () => void,
): void {
  document.documentElement.lang = tr.locale;
  clear(root);
  append(root, [
    h(
      'main',
      { class: 'message' },
      h('p', {}, text),
      retry ? h('button', { type: 'button', class: 'primary', onclick: retry }, tr.t('retry')) : null,
    ),
    live,
  ]);
}
