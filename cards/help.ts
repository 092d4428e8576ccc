// Help: what to say to the bot, the eight steps, and the three outside tools.
import { t, type Locale } from '../bot/i18n';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/help.json';
import type { AdaptiveCard, CardOptions } from './types';

/** Nothing varies but the language today; the interface leaves room for role-specific help. */
export type HelpCardData = Record<string, never>;

export function buildHelpCard(_data: HelpCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const view = {
    l: {
      ...labels(locale, {
        title: 'help.title',
        intro: 'help.intro',
        commandsTitle: 'help.commandsTitle',
        stepsTitle: 'help.stepsTitle',
        steps: 'help.steps',
        partnerCenter: 'link.partnerCenter',
        vlsc: 'link.vlsc',
        savb: 'link.savb',
        vouchers: 'welcome.vouchers',
        settings: 'settings.title',
      }),
      next: t(locale, 'welcome.title'),
    },
    // One bullet per command, built here rather than repeated by the template engine.
    commandLines: [
      t(locale, 'help.cmd.next'),
      t(locale, 'help.cmd.vouchers'),
      t(locale, 'help.cmd.voucher'),
      t(locale, 'help.cmd.eligibility'),
      t(locale, 'help.cmd.enrollment'),
      t(locale, 'help.cmd.profile'),
      t(locale, 'help.cmd.people'),
      t(locale, 'help.cmd.settings'),
    ].map((command) => ({ type: 'TextBlock', text: `• ${command}`, wrap: true, spacing: 'small' })),
    links: LINKS,
  };
  return finish(expand(template, view), { locale, options });
}
