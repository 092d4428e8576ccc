// The page header: title, who is signed in with their role, and the language picker.
import type { CallerView } from '../../../bot/api/view-model';
import { h } from '../dom';
import type { Locale, Translator } from '../i18n';
import { languagePicker } from './language-picker';

export function renderHeader(
  tr: Translator,
  caller: CallerView,
  onLocaleChange: (locale: Locale) => void,
  onExport?: () => void,
): HTMLElement {
  const { t } = tr;
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, t('appTitle')),
    h(
      'div',
      { class: 'who' },
      caller.name ? h('span', { class: 'name' }, caller.name) : null,
      h('span', { class: 'chip role' }, tr.role(caller.role)),
      caller.role === 'Member' ? h('span', { class: 'chip muted' }, t('readOnly')) : null,
      // The organisation's data export is a Global admin's (the API refuses anyone else).
      caller.role === 'GlobalAdmin' && onExport
        ? h(
            'button',
            { type: 'button', id: 'export-organization', onclick: onExport },
            t('exportOrganization'),
          )
        : null,
    ),
    languagePicker(tr, onLocaleChange),
  );
}
