// The voucher list's filter form: offering, state, consultant, customer, search, sort, clear and CSV export.
import type { FilterOptionsView } from '../../../bot/api/view-model';
import type { ListFilters } from '../api-client';
import { h } from '../dom';
import type { Translator } from '../i18n';

export type FilterField = 'offering' | 'state' | 'consultant' | 'customer';

export interface FilterFormActions {
  change(field: FilterField, value: string): void;
  search(text: string): void;
  sort(field: string): void;
  clear(): void;
  exportCsv(): void;
}

const SORT_FIELDS = ['nextDeadline', 'voucherNumber', 'customer', 'state', 'daysInState', 'expiresOn'];

interface Choice {
  value: string;
  text: string;
}

function filterSelect(
  tr: Translator,
  field: FilterField,
  label: string,
  choices: Choice[],
  filters: ListFilters,
  onChange: FilterFormActions['change'],
): HTMLElement {
  const id = `f-${field}`;
  const current = filters[field][0] ?? '';
  const select = h('select', {
    id,
    name: field,
    onchange: (ev: Event) => onChange(field, (ev.target as HTMLSelectElement).value),
  });
  select.append(h('option', { value: '' }, tr.t('filterAll')));
  for (const c of choices)
    select.append(h('option', { value: c.value, selected: c.value === current }, c.text));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

function searchField(
  tr: Translator,
  filters: ListFilters,
  onSearch: FilterFormActions['search'],
): HTMLElement {
  const input = h('input', {
    id: 'f-search',
    type: 'search',
    value: filters.q,
    maxlength: 100,
    autocomplete: 'off',
    oninput: (ev: Event) => onSearch((ev.target as HTMLInputElement).value),
  });
  return h('div', { class: 'field grow' }, h('label', { for: 'f-search' }, tr.t('filterSearch')), input);
}

function sortField(tr: Translator, filters: ListFilters, onSort: FilterFormActions['sort']): HTMLElement {
  const select = h('select', {
    id: 'f-sort',
    onchange: (ev: Event) => onSort((ev.target as HTMLSelectElement).value),
  });
  for (const k of SORT_FIELDS)
    select.append(h('option', { value: k, selected: k === filters.sort }, tr.lookup(`sort_${k}`)));
  return h('div', { class: 'field' }, h('label', { for: 'f-sort' }, tr.t('sortLabel')), select);
}

function formButtons(tr: Translator, actions: FilterFormActions): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    h(
      'button',
      { type: 'button', id: 'clear-filters', onclick: () => actions.clear() },
      tr.t('clearFilters'),
    ),
    h(
      'button',
      { type: 'button', id: 'export-csv', class: 'primary', onclick: () => actions.exportCsv() },
      tr.t('exportCsv'),
    ),
  );
}

export function renderFilterForm(
  tr: Translator,
  options: FilterOptionsView,
  filters: ListFilters,
  actions: FilterFormActions,
): HTMLElement {
  const { t } = tr;
  const same = (x: string): Choice => ({ value: x, text: x });
  return h(
    'form',
    { class: 'filters', 'aria-label': t('filtersLabel'), onsubmit: (ev: Event) => ev.preventDefault() },
    filterSelect(tr, 'offering', t('filterOffering'), options.offerings.map(same), filters, actions.change),
    filterSelect(
      tr,
      'state',
      t('filterState'),
      options.states.map((s) => ({ value: s, text: tr.state(s) })),
      filters,
      actions.change,
    ),
    filterSelect(
      tr,
      'consultant',
      t('filterConsultant'),
      options.consultants.map((c) => ({ value: c.id, text: c.name })),
      filters,
      actions.change,
    ),
    filterSelect(tr, 'customer', t('filterCustomer'), options.customers.map(same), filters, actions.change),
    searchField(tr, filters, actions.search),
    sortField(tr, filters, actions.sort),
    formButtons(tr, actions),
  );
}
