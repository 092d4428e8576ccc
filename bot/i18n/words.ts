// Labels for the domain's enumerations, for cards and the tab.
import type { Role, VoucherState } from '../program';
import { AUDIT_KEYS, REMINDER_KEYS, ROLE_KEYS, STATE_KEYS } from './dynamic-keys';
import type { Locale } from './locale';
import { t } from './translate';

export function stateLabel(locale: Locale, state: VoucherState | string): string {
  const key = STATE_KEYS[state as VoucherState];
  return key ? t(locale, key) : state;
}

export function roleLabel(locale: Locale, role: Role | string): string {
  const key = ROLE_KEYS[role as Role];
  return key ? t(locale, key) : role;
}

/** An audit entry's action ("voucher.reserve") as words; unknown actions still show, by name. */
export function auditActionLabel(locale: Locale, action: string): string {
  const key = AUDIT_KEYS[action];
  return key ? t(locale, key) : t(locale, 'audit.other', { action });
}

/** A reminder's headline and sentence; unknown kinds (a newer domain) fall back to the next-action wording. */
export function reminderMessage(
  locale: Locale,
  kind: string,
  params: Record<string, string | number> = {},
): { title: string; body: string } | undefined {
  const keys = REMINDER_KEYS[kind as keyof typeof REMINDER_KEYS];
  if (!keys) return undefined;
  return { title: t(locale, keys.title, params), body: t(locale, keys.body, params) };
}
