// The voucher's shareable link in its detail: the address, read-only and selectable, and a "Copy link" button.
import { h } from './dom';
import type { Translator } from './i18n';

/** The Clipboard API first; where the frame may not use it (no permission in the host's iframe, an older
 *  WebView), the selected field and the legacy copy command, which a click is allowed to run. */
async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the browser or the host: the legacy path below may still work.
  }
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function voucherLinkBlock(tr: Translator, link: string): HTMLElement {
  const field: HTMLInputElement = h('input', {
    type: 'text',
    readonly: true,
    value: link,
    id: 'voucher-link',
    class: 'link-field',
    'aria-label': tr.t('detailLink'),
    onfocus: () => field.select(),
  });
  const status = h('span', { class: 'muted small', role: 'status', id: 'voucher-link-status' });
  const copy = async (): Promise<void> => {
    status.textContent = '';
    const ok = await copyText(link, field);
    // A failure leaves the text selected, so the person can copy it with the keyboard.
    status.textContent = tr.t(ok ? 'linkCopied' : 'linkCopyFailed');
  };
  return h(
    'div',
    { class: 'voucher-link' },
    field,
    h('button', { type: 'button', id: 'copy-link', onclick: () => void copy() }, tr.t('copyLink')),
    status,
  );
}
