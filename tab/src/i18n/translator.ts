// Words and formats in one locale: catalogue lookup with {param} filling; dates, numbers and money through Intl.
import type { DeadlineKind, RoleCode, VoucherStateCode } from '../../../bot/api/view-model';
import { en, type Catalogue, type MessageKey } from './en';
import { esES } from './es-es';
import type { Locale } from './locales';
import { ptBR } from './pt-br';

export const CATALOGUES: Record<Locale, Catalogue> = { en, 'pt-BR': ptBR, 'es-ES': esES };

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Looks up a key built at run time (state, role, deadline kind, audit action); falls back to `fallback`. */
  lookup(key: string, params?: Record<string, string | number>, fallback?: string): string;
  state(s: VoucherStateCode): string;
  role(r: RoleCode): string;
  deadline(kind: DeadlineKind, params: Record<string, string | number>): string;
  date(iso: string | undefined): string;
  dateTime(iso: string): string;
  number(n: number): string;
  money(amount: number, currency: string): string;
  relativeDays(days: number): string;
}

function fillParams(
  text: string,
  params: Record<string, string | number> = {},
  format: (n: number) => string,
): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? format(v) : v;
  });
}

export function translator(locale: Locale): Translator {
  const catalogue = CATALOGUES[locale];
  const numberFmt = new Intl.NumberFormat(locale);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relFmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const moneyFmts = new Map<string, Intl.NumberFormat>();
  const number = (n: number): string => numberFmt.format(n);
  const self: Translator = {
    locale,
    t: (key, params) => fillParams(catalogue[key], params, number),
    lookup: (key, params, fallback) => {
      const text = (catalogue as Record<string, string>)[key];
      return text === undefined ? (fallback ?? key) : fillParams(text, params, number);
    },
    state: (s) => self.lookup(`state_${s}`, {}, s),
    role: (r) => self.lookup(`role_${r}`, {}, r),
    deadline: (kind, params) => self.lookup(`dl_${kind}`, params, kind),
    date: (iso) => {
      if (!iso) return '—';
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
    number,
    money: (amount, currency) => {
      let f = moneyFmts.get(currency);
      if (!f) {
        try {
          f = new Intl.NumberFormat(locale, { style: 'currency', currency });
        } catch {
          f = numberFmt;
        }
        moneyFmts.set(currency, f);
      }
      return f.format(amount);
    },
    relativeDays: (days) => relFmt.format(days, 'day'),
  };
  return self;
}
