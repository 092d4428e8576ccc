// Help (what to say to the bot) and a card that is only a banner.
import { buildHelpCard, buildNoticeCard, type Notice } from '../../../cards';
import type { Locale } from '../../i18n';
import type { Card, ViewEnv } from './view-env';

/** `lead`: a line on top, e.g. "I did not understand that". */
export function helpCard(env: ViewEnv, lead?: string): Card {
  return buildHelpCard({}, env.scope.locale, lead ? { notice: { tone: 'info', text: lead } } : undefined);
}

export function noticeCard(locale: Locale, notice: Notice): Card {
  return buildNoticeCard(notice, locale);
}
