// The status tab: steps 1–3, the voucher pipeline, deadlines, payments and the filterable voucher list
// with its detail and CSV export. Plain DOM; every control is a native element with a visible label.
import type {
  DeadlineView,
  OverviewView,
  PipelineStageView,
  VoucherDetailView,
  VoucherListView,
  VoucherRowView,
  VoucherStateCode,
} from '../../bot/api/view-model';
import { ApiError, TabClient, type ListFilters } from './api';
import { append, clear, h, uid } from './dom';
import type { Host } from './host';
import { isLocale, LOCALES, translator, type Locale, type Translator } from './i18n';

const PAGE_SIZE = 25;
const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  'es-ES': 'Español (España)',
};

export function emptyFilters(): ListFilters {
  return { offering: [], state: [], consultant: [], customer: [], q: '', sort: 'nextDeadline', dir: 'asc' };
}

/** The language to start in; `chosen` = picked for this page (`?lang=`, the picker), so it beats the bot's override. */
export interface StartLanguage {
  locale: Locale;
  chosen: boolean;
}

export class TabApp {
  private tr: Translator;
  private chosen: boolean;
  private overview?: OverviewView;
  private filters = emptyFilters();
  private page = 1;
  private list?: VoucherListView;
  private listSeq = 0;
  private readonly client: TabClient;
  private readonly live: HTMLElement;
  private resultsEl?: HTMLElement;
  private dialog?: HTMLDialogElement;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
    language: StartLanguage,
    private readonly onLocaleChange: (locale: Locale) => void,
  ) {
    this.tr = translator(language.locale);
    this.chosen = language.chosen;
    this.client = new TabClient(host);
    this.live = h('div', {
      class: 'visually-hidden',
      'aria-live': 'polite',
      role: 'status',
      id: 'announcer',
    });
  }

  get locale(): Locale {
    return this.tr.locale;
  }

  /** The picker's choice: for this session only, it wins over the bot's override (see main.ts). */
  setLocale(locale: Locale): void {
    this.chosen = true;
    this.tr = translator(locale);
    this.render();
  }

  async start(): Promise<void> {
    if (this.chosen) this.showMessage(this.tr.t('loading'), false);
    else this.showBusy();
    try {
      this.overview = await this.client.overview();
      this.applyOverride(this.overview.caller.locale);
      this.list = await this.client.vouchers(this.filters, this.page, PAGE_SIZE);
      this.render();
    } catch (err) {
      this.showError(err);
    } finally {
      document.body.dataset.ready = 'true';
    }
  }

  /** The person's language choice in the bot, unless a language was chosen for this page; unknown values are ignored. */
  private applyOverride(override: unknown): void {
    if (this.chosen || !isLocale(override) || override === this.tr.locale) return;
    this.tr = translator(override);
  }

  /**
   * Loading before the language is known: the person may have chosen another language in the bot, so no words
   * are shown until the overview says which (the spinner's label is for screen readers only).
   */
  private showBusy(): void {
    clear(this.root);
    append(this.root, [
      h(
        'main',
        { class: 'message', 'aria-busy': 'true' },
        h('div', {
          class: 'spinner',
          id: 'loading',
          role: 'progressbar',
          'aria-label': this.tr.t('loading'),
          lang: this.tr.locale,
        }),
      ),
      this.live,
    ]);
  }

  private showMessage(text: string, retry: boolean): void {
    document.documentElement.lang = this.tr.locale;
    clear(this.root);
    append(this.root, [
      h(
        'main',
        { class: 'message' },
        h('p', {}, text),
        retry
          ? h(
              'button',
              { type: 'button', class: 'primary', onclick: () => void this.start() },
              this.tr.t('retry'),
            )
          : null,
      ),
      this.live,
    ]);
  }

  private showError(err: unknown): void {
    if (err instanceof ApiError && err.status === 401) {
      this.showMessage(
        this.host.info.inTeams ? this.tr.t('signInFailed') : this.tr.t('standaloneNotice'),
        this.host.info.inTeams,
      );
      return;
    }
    this.showMessage(this.tr.t('loadFailed'), true);
  }

  private announce(text: string): void {
    this.live.textContent = '';
    // A separate task so screen readers notice the change even when the text repeats.
    setTimeout(() => {
      this.live.textContent = text;
    }, 50);
  }

  // -------------------------------------------------------------------------------------------------------
  // Page

  render(): void {
    const o = this.overview;
    if (!o) return;
    const { t } = this.tr;
    document.documentElement.lang = this.tr.locale;
    clear(this.root);
    const main = h('main', { id: 'main' });
    append(main, [
      this.renderSetup(o),
      this.renderPipeline(o.pipeline, o.voucherCount),
      this.renderDeadlines(o),
      this.renderPayments(o),
      this.renderVouchers(o),
    ]);
    append(this.root, [
      o.caller.localIdentity
        ? h(
            'div',
            { class: 'banner local', role: 'note', id: 'local-banner' },
            t('localBanner', { name: o.caller.name ?? o.caller.userId }),
          )
        : null,
      this.renderHeader(o),
      o.organization.known
        ? null
        : h('p', { class: 'empty callout', id: 'no-organization' }, t('noOrganization')),
      main,
      this.live,
    ]);
  }

  private renderHeader(o: OverviewView): HTMLElement {
    const { t } = this.tr;
    const langId = uid('lang');
    const select = h('select', {
      id: langId,
      'data-control': 'language',
      onchange: (ev: Event) => this.onLocaleChange((ev.target as HTMLSelectElement).value as Locale),
    });
    for (const l of LOCALES)
      select.append(h('option', { value: l, selected: l === this.tr.locale, lang: l }, LANGUAGE_NAMES[l]));
    return h(
      'header',
      { class: 'top' },
      h('h1', {}, t('appTitle')),
      h(
        'div',
        { class: 'who' },
        o.caller.name ? h('span', { class: 'name' }, o.caller.name) : null,
        h('span', { class: 'chip role' }, this.tr.role(o.caller.role)),
        o.caller.role === 'Member' ? h('span', { class: 'chip muted' }, t('readOnly')) : null,
      ),
      h('div', { class: 'lang' }, h('label', { for: langId }, t('languageLabel')), select),
    );
  }

  private section(id: string, title: string, ...children: (Node | null | false)[]): HTMLElement {
    const headingId = `${id}-heading`;
    return h(
      'section',
      { id, 'aria-labelledby': headingId, class: 'card' },
      h('h2', { id: headingId }, title),
      ...children,
    );
  }

  // Steps 1–3 ----------------------------------------------------------------------------------------------

  private renderSetup(o: OverviewView): HTMLElement {
    const { t, date } = this.tr;
    const s = o.setup;
    const step = (title: string, status: string, tone: string, lines: (string | Node | null)[]) =>
      h(
        'li',
        { class: `step tone-${tone}` },
        h('h3', {}, title),
        h('p', { class: 'status' }, h('span', { class: `dot ${tone}`, 'aria-hidden': 'true' }), status),
        ...lines.map((l) => (l === null ? null : h('p', {}, l))),
      );

    const eligTone =
      s.eligibility.status === 'met' ? 'ok' : s.eligibility.status === 'inProgress' ? 'warn' : 'todo';
    const elig = step(t('step1'), this.tr.dyn(`elig_${s.eligibility.status}`), eligTone, [
      s.eligibility.trainingCompletedOn
        ? t('eligTraining', { date: date(s.eligibility.trainingCompletedOn) })
        : t('eligNoTraining'),
      s.eligibility.offeringsMet.length > 0
        ? t('eligMetFor', { list: s.eligibility.offeringsMet.join(', ') })
        : t('eligNextStep'),
    ]);

    const next = s.enrollment.nextRenewal;
    const enrTone =
      s.enrollment.status === 'active'
        ? 'ok'
        : s.enrollment.status === 'renewalDue'
          ? 'warn'
          : s.enrollment.status === 'lapsed'
            ? 'bad'
            : 'todo';
    const countdown = next
      ? h(
          'p',
          { class: `countdown ${next.daysLeft < 0 ? 'bad' : enrTone}`, id: 'renewal-countdown' },
          h(
            'strong',
            {},
            next.daysLeft < 0
              ? t('renewalOverdue', { days: -next.daysLeft })
              : t('renewalCountdown', { days: next.daysLeft }),
          ),
        )
      : null;
    const enr = step(t('step2'), this.tr.dyn(`enr_${s.enrollment.status}`), enrTone, [
      countdown,
      ...s.enrollment.offerings.map((e) =>
        t('renewIn', {
          offering: e.offering,
          relative: this.tr.relativeDays(e.daysLeft),
          date: date(e.renewalDue),
        }),
      ),
      s.enrollment.offerings.length === 0 ? t('enrNextStep') : null,
    ]);

    const profTone = s.profile.status === 'current' ? 'ok' : s.profile.status === 'stale' ? 'bad' : 'todo';
    const prof = step(t('step3'), this.tr.dyn(`prof_${s.profile.status}`), profTone, [
      s.profile.lastUpdatedOn
        ? t('profUpdated', { date: date(s.profile.lastUpdatedOn), due: date(s.profile.staleOn) })
        : null,
      s.profile.status !== 'current' ? t('profNextStep') : null,
    ]);
    return this.section('setup', t('setupHeading'), h('ol', { class: 'steps' }, elig, enr, prof));
  }

  // Pipeline -----------------------------------------------------------------------------------------------

  private renderPipeline(stages: PipelineStageView[], total: number): HTMLElement {
    const { t } = this.tr;
    if (total === 0)
      return this.section('pipeline', t('pipelineHeading'), h('p', { class: 'empty' }, t('pipelineEmpty')));
    const max = Math.max(1, ...stages.map((s) => s.count));
    const list = h('ul', { class: 'bars' });
    for (const s of stages) {
      const name = this.tr.state(s.state);
      const fill = h('span', { class: `fill state-${s.state}` });
      // CSSOM width (allowed by the page's CSP, unlike style attributes).
      fill.style.width = `${(s.count / max) * 100}%`;
      const detail = t('pipelineRow', { count: s.count, avg: s.avgDaysInState, max: s.maxDaysInState });
      list.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'bar-row',
              'data-state': s.state,
              'aria-label': `${name}: ${detail}. ${t('pipelineFilter', { state: name })}`,
              disabled: s.count === 0,
              onclick: () => this.applyFilters({ ...emptyFilters(), state: [s.state] }, true),
            },
            h('span', { class: 'bar-label' }, name),
            h('span', { class: 'track', 'aria-hidden': 'true' }, fill),
            h(
              'span',
              { class: 'bar-value' },
              h('strong', {}, this.tr.number(s.count)),
              ' ',
              h('span', { class: 'muted small' }, t('daysCount', { count: s.avgDaysInState })),
            ),
          ),
        ),
      );
    }
    return this.section(
      'pipeline',
      t('pipelineHeading'),
      h('p', { class: 'muted small legend' }, t('pipelineLegend')),
      list,
    );
  }

  // Deadlines ----------------------------------------------------------------------------------------------

  private deadlineText(d: DeadlineView): string {
    return this.tr.deadline(d.kind, { voucher: d.voucherNumber ?? '', offering: d.offering ?? '' });
  }

  private deadlineItem(d: DeadlineView): HTMLElement {
    const when = h(
      'span',
      { class: `when ${d.daysLeft < 0 ? 'bad' : d.daysLeft <= 7 ? 'warn' : ''}` },
      this.tr.relativeDays(d.daysLeft),
    );
    const what = d.voucherId
      ? h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: (ev: Event) =>
              void this.openDetail(d.voucherId as string, ev.currentTarget as HTMLElement),
          },
          this.deadlineText(d),
        )
      : h('span', {}, this.deadlineText(d));
    return h(
      'li',
      { 'data-kind': d.kind },
      what,
      h(
        'span',
        { class: 'meta' },
        d.customer ? `${d.customer} · ` : '',
        h('time', { datetime: d.due }, this.tr.date(d.due)),
        ' · ',
        when,
      ),
    );
  }

  private renderDeadlines(o: OverviewView): HTMLElement {
    const { t } = this.tr;
    const { overdue, upcoming, overdueTotal, upcomingTotal, windowDays } = o.deadlines;
    const group = (id: string, title: string, items: DeadlineView[], total: number, empty: string) =>
      h(
        'div',
        { class: 'dl-group', id },
        h('h3', {}, title, ' ', h('span', { class: 'count' }, `(${this.tr.number(total)})`)),
        items.length === 0
          ? h('p', { class: 'empty' }, empty)
          : h(
              'ul',
              { class: 'deadlines' },
              items.map((d) => this.deadlineItem(d)),
            ),
        total > items.length
          ? h('p', { class: 'muted small' }, t('moreDeadlines', { count: total - items.length }))
          : null,
      );
    return this.section(
      'deadlines',
      t('deadlinesHeading'),
      h(
        'div',
        { class: 'dl-grid' },
        group('overdue', t('overdueHeading'), overdue, overdueTotal, t('noOverdue')),
        group(
          'upcoming',
          t('upcomingHeading', { days: windowDays }),
          upcoming,
          upcomingTotal,
          t('noUpcoming', { days: windowDays }),
        ),
      ),
    );
  }

  // Payments -----------------------------------------------------------------------------------------------

  private renderPayments(o: OverviewView): HTMLElement {
    const { t } = this.tr;
    const p = o.payments;
    if (p.counts.requested === 0)
      return this.section('payments', t('paymentsHeading'), h('p', { class: 'empty' }, t('paymentsEmpty')));
    const keys = ['requested', 'approved', 'paid', 'outstanding', 'denied'] as const;
    const tiles = h(
      'ul',
      { class: 'tiles' },
      keys.map((k) =>
        h(
          'li',
          { class: `tile pay-${k}` },
          h('span', { class: 'tile-value' }, this.tr.number(p.counts[k])),
          h('span', { class: 'tile-label' }, this.tr.dyn(`pay_${k}`)),
        ),
      ),
    );
    const table = h(
      'table',
      { class: 'totals', id: 'payment-totals' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('payCurrency')),
          keys.map((k) => h('th', { scope: 'col' }, this.tr.dyn(`pay_${k}`))),
        ),
      ),
      h(
        'tbody',
        {},
        p.totals.map((row) =>
          h(
            'tr',
            { 'data-currency': row.currency },
            h('th', { scope: 'row' }, row.currency),
            keys.map((k) =>
              h('td', { 'data-label': this.tr.dyn(`pay_${k}`) }, this.tr.money(row[k], row.currency)),
            ),
          ),
        ),
      ),
    );
    return this.section('payments', t('paymentsHeading'), tiles, h('div', { class: 'scroll' }, table));
  }

  // Voucher list -------------------------------------------------------------------------------------------

  private renderVouchers(o: OverviewView): HTMLElement {
    const { t } = this.tr;
    if (o.voucherCount === 0)
      return this.section('vouchers', t('vouchersHeading'), h('p', { class: 'empty' }, t('pipelineEmpty')));
    const f = this.filters;
    const select = (
      id: string,
      label: string,
      name: keyof ListFilters,
      options: { value: string; text: string }[],
      current: string,
    ) => {
      const sel = h('select', {
        id,
        name,
        onchange: (ev: Event) => this.onFilterChange(name, (ev.target as HTMLSelectElement).value),
      });
      sel.append(h('option', { value: '' }, t('filterAll')));
      for (const opt of options)
        sel.append(h('option', { value: opt.value, selected: opt.value === current }, opt.text));
      return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
    };
    const search = h('input', {
      id: 'f-search',
      type: 'search',
      value: f.q,
      maxlength: 100,
      autocomplete: 'off',
      oninput: (ev: Event) => {
        const value = (ev.target as HTMLInputElement).value;
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.applyFilters({ ...this.filters, q: value }), 300);
      },
    });
    const sortSel = h('select', {
      id: 'f-sort',
      onchange: (ev: Event) =>
        this.applyFilters({ ...this.filters, sort: (ev.target as HTMLSelectElement).value }),
    });
    for (const k of ['nextDeadline', 'voucherNumber', 'customer', 'state', 'daysInState', 'expiresOn']) {
      sortSel.append(h('option', { value: k, selected: k === f.sort }, this.tr.dyn(`sort_${k}`)));
    }
    const form = h(
      'form',
      { class: 'filters', 'aria-label': t('filtersLabel'), onsubmit: (ev: Event) => ev.preventDefault() },
      select(
        'f-offering',
        t('filterOffering'),
        'offering',
        o.filters.offerings.map((x) => ({ value: x, text: x })),
        f.offering[0] ?? '',
      ),
      select(
        'f-state',
        t('filterState'),
        'state',
        o.filters.states.map((s) => ({ value: s, text: this.tr.state(s) })),
        f.state[0] ?? '',
      ),
      select(
        'f-consultant',
        t('filterConsultant'),
        'consultant',
        o.filters.consultants.map((c) => ({ value: c.id, text: c.name })),
        f.consultant[0] ?? '',
      ),
      select(
        'f-customer',
        t('filterCustomer'),
        'customer',
        o.filters.customers.map((c) => ({ value: c, text: c })),
        f.customer[0] ?? '',
      ),
      h('div', { class: 'field grow' }, h('label', { for: 'f-search' }, t('filterSearch')), search),
      h('div', { class: 'field' }, h('label', { for: 'f-sort' }, t('sortLabel')), sortSel),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            id: 'clear-filters',
            onclick: () => this.applyFilters(emptyFilters(), false, true),
          },
          t('clearFilters'),
        ),
        h(
          'button',
          { type: 'button', id: 'export-csv', class: 'primary', onclick: () => void this.exportCsv() },
          t('exportCsv'),
        ),
      ),
    );
    this.resultsEl = h('div', { id: 'results' });
    this.renderResults();
    return this.section('vouchers', t('vouchersHeading'), form, this.resultsEl);
  }

  private onFilterChange(name: keyof ListFilters, value: string): void {
    const next: ListFilters = { ...this.filters };
    if (name === 'offering' || name === 'consultant' || name === 'customer')
      next[name] = value ? [value] : [];
    if (name === 'state') next.state = value ? [value as VoucherStateCode] : [];
    this.applyFilters(next);
  }

  private applyFilters(filters: ListFilters, scroll = false, rerenderForm = false): void {
    this.filters = filters;
    this.page = 1;
    if (scroll || rerenderForm) {
      // The form shows the new values only when rebuilt; keep focus on the section afterwards.
      this.render();
      document.getElementById('vouchers')?.scrollIntoView({ block: 'start' });
      document.getElementById(rerenderForm ? 'clear-filters' : 'f-state')?.focus();
    }
    void this.reloadList();
  }

  private async reloadList(): Promise<void> {
    const seq = ++this.listSeq;
    this.resultsEl?.setAttribute('aria-busy', 'true');
    try {
      const list = await this.client.vouchers(this.filters, this.page, PAGE_SIZE);
      if (seq !== this.listSeq) return; // a newer request superseded this one
      this.list = list;
      this.renderResults();
      this.announce(this.countText(list.total));
    } catch (err) {
      if (seq === this.listSeq) this.showError(err);
    } finally {
      if (seq === this.listSeq) this.resultsEl?.removeAttribute('aria-busy');
    }
  }

  private countText(n: number): string {
    return n === 1 ? this.tr.t('resultCountOne') : this.tr.t('resultCount', { count: n });
  }

  private renderResults(): void {
    const el = this.resultsEl;
    const list = this.list;
    if (!el || !list) return;
    const { t } = this.tr;
    clear(el);
    el.append(h('p', { class: 'result-count', id: 'result-count' }, this.countText(list.total)));
    if (list.total === 0) {
      el.append(
        h(
          'div',
          { class: 'empty', id: 'no-matches' },
          h('p', {}, t('noMatches')),
          h(
            'button',
            { type: 'button', onclick: () => this.applyFilters(emptyFilters(), false, true) },
            t('clearFilters'),
          ),
        ),
      );
      return;
    }
    const table = h(
      'table',
      { class: 'vouchers', id: 'voucher-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('colVoucher'),
            t('colCustomer'),
            t('colOffering'),
            t('colState'),
            t('colDaysInState'),
            t('colNext'),
            t('colConsultants'),
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        list.items.map((r) => this.row(r)),
      ),
    );
    el.append(h('div', { class: 'scroll' }, table));
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    if (pages > 1) {
      el.append(
        h(
          'nav',
          { class: 'pager', 'aria-label': t('pageOf', { page: list.page, pages }) },
          h(
            'button',
            { type: 'button', disabled: list.page <= 1, onclick: () => this.goto(list.page - 1) },
            t('prevPage'),
          ),
          h('span', {}, t('pageOf', { page: list.page, pages })),
          h(
            'button',
            { type: 'button', disabled: list.page >= pages, onclick: () => this.goto(list.page + 1) },
            t('nextPage'),
          ),
        ),
      );
    }
  }

  private goto(page: number): void {
    this.page = page;
    void this.reloadList();
  }

  private row(r: VoucherRowView): HTMLElement {
    const { t } = this.tr;
    return h(
      'tr',
      { 'data-id': r.id, 'data-state': r.state },
      h(
        'th',
        { scope: 'row', 'data-label': t('colVoucher') },
        h(
          'button',
          {
            type: 'button',
            class: 'link mono',
            'aria-label': t('openDetail', { voucher: r.voucherNumber }),
            onclick: (ev: Event) => void this.openDetail(r.id, ev.currentTarget as HTMLElement),
          },
          r.voucherNumber,
        ),
      ),
      h('td', { 'data-label': t('colCustomer') }, r.customer),
      h('td', { 'data-label': t('colOffering') }, r.offering),
      h(
        'td',
        { 'data-label': t('colState') },
        h('span', { class: `chip state-${r.state}` }, this.tr.state(r.state)),
      ),
      h('td', { 'data-label': t('colDaysInState'), class: 'num' }, this.tr.number(r.daysInState)),
      h(
        'td',
        { 'data-label': t('colNext') },
        r.nextDeadline
          ? h(
              'span',
              { class: r.nextDeadline.daysLeft < 0 ? 'bad' : '' },
              this.deadlineText(r.nextDeadline),
              ' · ',
              this.tr.date(r.nextDeadline.due),
            )
          : '—',
      ),
      h('td', { 'data-label': t('colConsultants') }, r.consultants.map((c) => c.name).join(', ') || '—'),
    );
  }

  // CSV ----------------------------------------------------------------------------------------------------

  private async exportCsv(): Promise<void> {
    try {
      const { blob, filename } = await this.client.csv(this.filters);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.announce(this.tr.t('exportDone', { count: this.list?.total ?? 0 }));
    } catch (err) {
      this.showError(err);
    }
  }

  // Detail -------------------------------------------------------------------------------------------------

  private async openDetail(id: string, opener?: HTMLElement): Promise<void> {
    let detail: VoucherDetailView;
    try {
      detail = await this.client.voucher(id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return;
      this.showError(err);
      return;
    }
    this.dialog?.remove();
    const dialog = this.renderDetail(detail);
    this.dialog = dialog;
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus();
    });
    dialog.showModal();
  }

  /** The action's words, plus the state it led to when that says something the words do not. */
  private timelineWhat(
    action: string,
    from?: VoucherStateCode,
    to?: VoucherStateCode,
  ): (string | HTMLElement)[] {
    const words = this.tr.dyn(`act_${action}`, {}, action);
    if (!to || from === to || this.tr.state(to) === words) return [words];
    return [words, h('span', { class: `chip state-${to}` }, this.tr.state(to))];
  }

  private renderDetail(d: VoucherDetailView): HTMLDialogElement {
    const { t, date } = this.tr;
    const titleId = uid('detail-title');
    const field = (label: string, value: string | Node | undefined | null) =>
      value === undefined || value === null || value === '' ? null : [h('dt', {}, label), h('dd', {}, value)];
    const timeline = h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      d.timeline.map((e) =>
        h(
          'li',
          { 'data-action': e.action },
          h('time', { datetime: e.at }, this.tr.dateTime(e.at)),
          h('span', { class: 'what' }, ...this.timelineWhat(e.action, e.from, e.to)),
          e.by ? h('span', { class: 'muted small' }, t('byWhom', { name: e.by })) : null,
          e.reason ? h('span', { class: 'reason' }, t('reason', { reason: e.reason })) : null,
        ),
      ),
    );
    return h(
      'dialog',
      { class: 'detail', 'aria-labelledby': titleId, id: 'voucher-detail' },
      h(
        'div',
        { class: 'detail-head' },
        h('h2', { id: titleId }, t('detailTitle', { voucher: d.voucherNumber })),
        h('button', { type: 'button', class: 'close', onclick: () => this.dialog?.close() }, t('close')),
      ),
      h(
        'dl',
        { class: 'facts' },
        field(t('detailState'), h('span', { class: `chip state-${d.state}` }, this.tr.state(d.state))),
        field(t('detailCustomer'), d.customer),
        field(t('detailOffering'), d.offering),
        field(t('detailEngagement'), d.engagement),
        field(t('detailDays'), t('daysCount', { count: d.days })),
        field(t('detailExpires'), d.expiresOn ? date(d.expiresOn) : undefined),
        field(t('detailAdmin'), d.voucherAdminEmail),
        field(
          t('detailPlanned'),
          d.reservation?.plannedStart
            ? `${date(d.reservation.plannedStart)} – ${date(d.reservation.plannedEnd)}${d.reservation.country ? ` · ${d.reservation.country}` : ''}`
            : undefined,
        ),
        field(
          t('detailReport'),
          d.report
            ? t('detailReportValue', {
                date: date(d.report.submittedOn),
                days: d.report.daysDelivered ?? 0,
                count: d.report.deliverables,
              })
            : undefined,
        ),
        field(t('detailRedeemed'), d.redeemedOn ? date(d.redeemedOn) : undefined),
        field(
          t('detailPayment'),
          d.payment
            ? `${this.tr.money(d.payment.amount, d.payment.currency)} · ${this.tr.dyn(`pay_${d.payment.status}`)}`
            : undefined,
        ),
        field(t('colConsultants'), d.consultants.map((c) => c.name).join(', ')),
      ),
      d.deadlines.length > 0 ? h('h3', {}, t('detailDeadlines')) : null,
      d.deadlines.length > 0
        ? h(
            'ul',
            { class: 'deadlines' },
            d.deadlines.map((x) =>
              h(
                'li',
                {},
                this.deadlineText(x),
                ' · ',
                this.tr.date(x.due),
                ' · ',
                this.tr.relativeDays(x.daysLeft),
              ),
            ),
          )
        : null,
      h('h3', {}, t('timelineHeading')),
      d.timeline.length > 0 ? timeline : h('p', { class: 'empty' }, t('timelineEmpty')),
    );
  }
}
