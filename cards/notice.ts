// A card that is only a banner: a refusal that belongs to no form, an unexpected error, a confirmation.
// Any other card carries the same banner through `options.notice`.
import { refusalMessage, t, type Locale, type RefusalLike } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/notice.json';
import type { AdaptiveCard, CardOptions, Notice } from './types';

export function buildNoticeCard(notice: Notice, locale: Locale, options?: CardOptions): AdaptiveCard {
  const view = { l: labels(locale, { next: 'welcome.title', help: 'welcome.help' }) };
  return finish(expand(template, view), { locale, options: { ...options, notice } });
}

/** "This changed since you opened it": put on the fresh card the server returns for a stale ETag. */
export function staleNotice(locale: Locale): Notice {
  return { tone: 'warning', text: t(locale, 'notice.stale') };
}

export function savedNotice(locale: Locale): Notice {
  return { tone: 'success', text: t(locale, 'notice.saved') };
}

/** Every failed guard of a command, worded: the headline plus one line per refusal. */
export function refusalNotice(locale: Locale, refusals: readonly RefusalLike[], timeZone?: string): Notice {
  return {
    tone: 'error',
    text: t(locale, 'notice.refusedTitle'),
    details: refusals.map((r) => refusalMessage(locale, r, timeZone)),
  };
}

export function errorNotice(locale: Locale): Notice {
  return { tone: 'error', text: t(locale, 'notice.errorTitle'), details: [t(locale, 'notice.errorBody')] };
}

export type { CardOptions };
