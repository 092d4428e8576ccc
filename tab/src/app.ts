// The status tab page: loads the overview and the first page of vouchers, then renders the sections in order.
import type { OverviewView } from '../../bot/api/view-model';
import { ActionDialog, type ActionRequest } from './action-dialog';
import { Announcer } from './announcer';
import { ApiError, TabClient } from './api-client';
import { append, clear, h } from './dom';
import type { Host } from './host';
import { isLocale, translator, type Locale, type Translator } from './i18n';
import { renderDeadlines } from './sections/deadlines';
import { renderHeader } from './sections/header';
import { renderPayments } from './sections/payments';
import { renderPipeline } from './sections/pipeline';
import { renderSetupSteps } from './sections/setup-steps';
import { showBusy, showMessage } from './status-screens';
import type { TabContext } from './tab-context';
import { VoucherDetailDialog } from './voucher-detail';
import { saveBlob } from './voucher-list/csv-download';
import { VoucherList } from './voucher-list/voucher-list';

/** The language to start in; `chosen` = picked for this page (`?lang=`, the picker), so it beats the bot's override. */
export interface StartLanguage {
  locale: Locale;
  chosen: boolean;
}

export class TabApp implements TabContext {
  readonly client: TabClient;
  private translator: Translator;
  private chosen: boolean;
  private overview?: OverviewView;
  private readonly announcer = new Announcer();
  private readonly vouchers = new VoucherList(this);
  private readonly detail = new VoucherDetailDialog(this);
  private readonly actions: ActionDialog;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
    language: StartLanguage,
    private readonly onLocaleChange: (locale: Locale) => void,
  ) {
    this.translator = translator(language.locale);
    this.chosen = language.chosen;
    this.client = new TabClient(host);
    this.actions = new ActionDialog(this, host, (id) => void this.refreshVoucher(id));
  }

  get tr(): Translator {
    return this.translator;
  }

  /** The picker's choice: for this session only, it wins over the bot's override (see main.ts). */
  setLocale(locale: Locale): void {
    this.chosen = true;
    this.translator = translator(locale);
    this.render();
  }

  async start(): Promise<void> {
    if (this.chosen) this.showText(this.tr.t('loading'));
    else showBusy(this.root, this.tr, this.announcer.element);
    try {
      this.overview = await this.client.overview();
      this.applyOverride(this.overview.caller.locale);
      await this.vouchers.loadFirstPage();
      this.render();
      this.openDeepLink();
    } catch (err) {
      this.showError(err);
    } finally {
      document.body.dataset.ready = 'true';
    }
  }

  /** The person's language choice in the bot, unless a language was chosen for this page; unknown values are ignored. */
  private applyOverride(override: unknown): void {
    if (this.chosen || !isLocale(override) || override === this.translator.locale) return;
    this.translator = translator(override);
  }

  showError(err: unknown): void {
    const { t } = this.tr;
    if (err instanceof ApiError && err.status === 401) {
      const inTeams = this.host.info.inTeams;
      this.showText(inTeams ? t('signInFailed') : t('standaloneNotice'), inTeams);
      return;
    }
    this.showText(t('loadFailed'), true);
  }

  private showText(text: string, retry = false): void {
    const onRetry = retry ? () => void this.start() : undefined;
    showMessage(this.root, this.tr, this.announcer.element, text, onRetry);
  }

  private async exportOrganization(): Promise<void> {
    try {
      saveBlob(await this.client.organizationExport(this.tr.locale));
      this.announce(this.tr.t('exportOrganizationDone'));
    } catch (err) {
      // A refusal (403) names the role the export needs, in the person's language: say it, keep the page.
      this.announce(err instanceof ApiError ? err.message : String(err));
    }
  }

  announce(text: string): void {
    this.announcer.say(text);
  }

  openDetail(voucherId: string, opener?: HTMLElement): void {
    void this.detail.open(voucherId, opener);
  }

  runAction(request: ActionRequest, opener?: HTMLElement): void {
    void this.actions.run(request, opener);
  }

  /** A voucher deep link: Teams' `subPageId` (voucher links redirect there), or `?voucher=` in a browser. */
  private openDeepLink(): void {
    const fromUrl = new URLSearchParams(window.location.search).get('voucher');
    const id = this.host.info.subPageId ?? fromUrl;
    if (id && /^[A-Za-z0-9_.:-]{1,128}$/.test(id)) this.openDetail(id);
  }

  /** After an action: the overview, the list page and that voucher's detail, reloaded without a busy screen. */
  private async refreshVoucher(voucherId: string): Promise<void> {
    try {
      this.overview = await this.client.overview();
      await this.vouchers.loadFirstPage();
      this.render();
      await this.detail.open(voucherId);
    } catch (err) {
      this.showError(err);
    }
  }

  render(): void {
    const o = this.overview;
    if (!o) return;
    const tr = this.tr;
    document.documentElement.lang = tr.locale;
    clear(this.root);
    const main = h('main', { id: 'main' });
    const openDetail = (id: string, opener?: HTMLElement): void => this.openDetail(id, opener);
    append(main, [
      renderSetupSteps(tr, o.setup),
      renderPipeline(tr, o.pipeline, o.voucherCount, (state) => this.vouchers.showState(state)),
      renderDeadlines(tr, o.deadlines, openDetail),
      renderPayments(tr, o.payments),
      this.vouchers.render(o),
    ]);
    append(this.root, [
      o.caller.localIdentity
        ? h(
            'div',
            { class: 'banner local', role: 'note', id: 'local-banner' },
            tr.t('localBanner', { name: o.caller.name ?? o.caller.userId }),
          )
        : null,
      renderHeader(tr, o.caller, this.onLocaleChange, () => void this.exportOrganization()),
      o.organization.known
        ? null
        : h('p', { class: 'empty callout', id: 'no-organization' }, tr.t('noOrganization')),
      main,
      this.announcer.element,
    ]);
  }
}
