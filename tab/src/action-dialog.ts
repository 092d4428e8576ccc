// An action on a voucher, as a dialog showing the chat's card. Inside Teams (Adaptive Card dialogs supported)
// Teams shows it with the bot as completion bot; elsewhere an in-page modal renders the same card (card-dialog
// bundle) and posts its submits to the tab API. Stored → the dialog closes and the tab refreshes the voucher.
import type { VoucherActionCode } from '../../bot/api/view-model';
import { loadCardRenderer } from './card-dialog/load';
import { h } from './dom';
import type { Host } from './host';
import type { TabContext } from './tab-context';

export interface ActionRequest {
  voucherId: string;
  voucherNumber: string;
  action: VoucherActionCode;
}

type Ctx = Pick<TabContext, 'tr' | 'client' | 'announce'>;

export class ActionDialog {
  private modal?: HTMLDialogElement;

  constructor(
    private readonly ctx: Ctx,
    private readonly host: Host,
    /** After a change was stored (or a Teams dialog closed): show the voucher's new state. */
    private readonly onDone: (voucherId: string) => void,
  ) {}

  async run(req: ActionRequest, opener?: HTMLElement): Promise<void> {
    const { tr, client } = this.ctx;
    const title = tr.t('actionDialogLabel', {
      action: tr.t(`action_${req.action}`),
      voucher: req.voucherNumber,
    });
    try {
      const view = await client.openDialog(req.voucherId, req.action, tr.locale);
      if (!view.card) return;
      const onClosed = () => this.onDone(req.voucherId);
      const inTeams = view.botId
        ? this.host.openBotCardDialog({ card: view.card, title, botId: view.botId }, onClosed)
        : false;
      if (!inTeams) await this.showModal(req, title, view.card, opener);
    } catch {
      this.ctx.announce(tr.t('actionFailed'));
      this.showFailure(title, opener);
    }
  }

  private async showModal(
    req: ActionRequest,
    title: string,
    card: Record<string, unknown>,
    opener?: HTMLElement,
  ): Promise<void> {
    const renderer = await loadCardRenderer();
    const body = h('div', { class: 'card-host', id: 'action-card' });
    const status = h('p', { class: 'action-status', role: 'alert' });
    const show = (next: Record<string, unknown>): void => {
      body.replaceChildren(renderer.render(next, (data) => void submit(data)));
    };
    const submit = async (data: Record<string, unknown>): Promise<void> => {
      status.textContent = '';
      body.setAttribute('aria-busy', 'true');
      try {
        const outcome = await this.ctx.client.submitDialog(data, this.ctx.tr.locale);
        if (outcome.done) {
          this.modal?.close();
          this.ctx.announce(this.ctx.tr.t('actionDone', { voucher: req.voucherNumber }));
          this.onDone(req.voucherId);
        } else if (outcome.card) show(outcome.card);
      } catch {
        status.textContent = this.ctx.tr.t('actionFailed');
      } finally {
        body.removeAttribute('aria-busy');
      }
    };
    this.open(title, [body, status], opener);
    show(card);
  }

  private showFailure(title: string, opener?: HTMLElement): void {
    this.open(
      title,
      [h('p', { class: 'action-status', role: 'alert' }, this.ctx.tr.t('actionFailed'))],
      opener,
    );
  }

  private open(title: string, content: HTMLElement[], opener?: HTMLElement): void {
    this.modal?.remove();
    const titleId = 'action-dialog-title';
    const modal = h(
      'dialog',
      { class: 'detail action', id: 'action-dialog', 'aria-labelledby': titleId },
      h(
        'div',
        { class: 'detail-head' },
        h('h2', { id: titleId }, title),
        h('button', { type: 'button', class: 'close', onclick: () => modal.close() }, this.ctx.tr.t('close')),
      ),
      ...content,
    );
    this.modal = modal;
    document.body.append(modal);
    modal.addEventListener('close', () => {
      modal.remove();
      if (opener?.isConnected) opener.focus();
    });
    modal.showModal();
  }
}
