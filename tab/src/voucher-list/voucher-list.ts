// The voucher list section: its filters, page and results, reloaded from the API as the filters change.
import type { OverviewView, VoucherListView, VoucherStateCode } from '../../../bot/api/view-model';
import { emptyFilters, type ListFilters } from '../api-client';
import { h } from '../dom';
import { cardSection } from '../sections/card-section';
import type { TabContext } from '../tab-context';
import { downloadCsv } from './csv-download';
import { renderFilterForm, type FilterField } from './filter-form';
import { renderResults, resultCountText } from './results';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/** After new filters: keep the form as it is, or rebuild the page and move focus to this control. */
type Refocus = 'keep' | 'f-state' | 'clear-filters';

export class VoucherList {
  private filters = emptyFilters();
  private page = 1;
  private list?: VoucherListView;
  /** Bumped per request, so an older answer arriving late is dropped. */
  private requestSeq = 0;
  private resultsEl?: HTMLElement;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly ctx: TabContext) {}

  /** The first page, loaded with the overview before the first render. */
  async loadFirstPage(): Promise<void> {
    this.list = await this.ctx.client.vouchers(this.filters, this.page, PAGE_SIZE);
  }

  /** Lists the vouchers in one state (a pipeline bar), scrolled into view. */
  showState(state: VoucherStateCode): void {
    this.applyFilters({ ...emptyFilters(), state: [state] }, 'f-state');
  }

  render(o: OverviewView): HTMLElement {
    const { t } = this.ctx.tr;
    if (o.voucherCount === 0)
      return cardSection('vouchers', t('vouchersHeading'), h('p', { class: 'empty' }, t('pipelineEmpty')));
    const form = renderFilterForm(this.ctx.tr, o.filters, this.filters, {
      change: (field, value) => this.onFilterChange(field, value),
      search: (text) => {
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.applyFilters({ ...this.filters, q: text }), SEARCH_DELAY_MS);
      },
      sort: (field) => this.applyFilters({ ...this.filters, sort: field }),
      clear: () => this.applyFilters(emptyFilters(), 'clear-filters'),
      exportCsv: () => void this.exportCsv(),
    });
    this.resultsEl = h('div', { id: 'results' });
    this.renderResults();
    return cardSection('vouchers', t('vouchersHeading'), form, this.resultsEl);
  }

  private onFilterChange(field: FilterField, value: string): void {
    const next: ListFilters = { ...this.filters };
    if (field === 'state') next.state = value ? [value as VoucherStateCode] : [];
    else next[field] = value ? [value] : [];
    this.applyFilters(next);
  }

  private applyFilters(filters: ListFilters, refocus: Refocus = 'keep'): void {
    this.filters = filters;
    this.page = 1;
    if (refocus !== 'keep') {
      // The form shows the new values only when rebuilt; keep focus on the section afterwards.
      this.ctx.render();
      document.getElementById('vouchers')?.scrollIntoView({ block: 'start' });
      document.getElementById(refocus)?.focus();
    }
    void this.reload();
  }

  private goto(page: number): void {
    this.page = page;
    void this.reload();
  }

  private async reload(): Promise<void> {
    const seq = ++this.requestSeq;
    this.resultsEl?.setAttribute('aria-busy', 'true');
    try {
      const list = await this.ctx.client.vouchers(this.filters, this.page, PAGE_SIZE);
      if (seq !== this.requestSeq) return;
      this.list = list;
      this.renderResults();
      this.ctx.announce(resultCountText(this.ctx.tr, list.total));
    } catch (err) {
      if (seq === this.requestSeq) this.ctx.showError(err);
    } finally {
      if (seq === this.requestSeq) this.resultsEl?.removeAttribute('aria-busy');
    }
  }

  private renderResults(): void {
    if (!this.resultsEl || !this.list) return;
    renderResults(this.resultsEl, this.ctx.tr, this.list, {
      clearFilters: () => this.applyFilters(emptyFilters(), 'clear-filters'),
      goto: (page) => this.goto(page),
      openDetail: (id, opener) => this.ctx.openDetail(id, opener),
    });
  }

  private async exportCsv(): Promise<void> {
    try {
      await downloadCsv(this.ctx.client, this.filters);
      this.ctx.announce(this.ctx.tr.t('exportDone', { count: this.list?.total ?? 0 }));
    } catch (err) {
      this.ctx.showError(err);
    }
  }
}
