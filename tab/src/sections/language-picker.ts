// The header's language picker: each language named in itself.
import { h, uid } from '../dom';
import { LOCALES, type Locale, type Translator } from '../i18n';

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  'es-ES': 'Español (España)',
};

export function languagePicker(tr: Translator, onChange: (locale: Locale) => void): HTMLElement {
  const id = uid('lang');
  const select = h('select', {
    id,
    'data-control': 'language',
    onchange: (ev: Event) => onChange((ev.target as HTMLSelectElement).value as Locale),
  });
  for (const l of LOCALES)
    select.append(h('option', { value: l, selected: l === tr.locale, lang: l }, LANGUAGE_NAMES[l]));
  return h('div', { class: 'lang' }, h('label', { for: id }, tr.t('languageLabel')), select);
}
