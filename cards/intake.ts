// Step 4: confirm a voucher read from the customer's email (or typed). Each field says whether it was found
// in the email and stays editable; nothing is recorded until the user confirms.
import { t, type Locale } from '../bot/i18n';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/intake.json';
import type { AdaptiveCard, CardOptions, Choice } from './types';
import type { ActionData } from './verbs';

export interface IntakeFields {
  voucherNumber?: string;
  customerName?: string;
  offeringId?: string;
  days?: number;
  voucherAdminEmail?: string;
  assignedOn?: string;
  expiresOn?: string;
}

/** Where a field's value came from: the email, a default (today's date), or nowhere. */
export type IntakeFieldStatus = 'found' | 'default' | 'notFound';

export interface IntakeCardData {
  /** 'email' when the form was filled from a pasted email: the submit carries it, the voucher records it. */
  intakeId?: string;
  source: 'email' | 'manual';
  fields: IntakeFields;
  /** Per field; a field without one is judged by its value on an email form (found or not), no marker otherwise. */
  status?: Partial<Record<keyof IntakeFields, IntakeFieldStatus>>;
  /** A pasted text held nothing like a voucher: the form is empty and the intro says so. */
  noVoucherFound?: boolean;
  offeringChoices: Choice[];
  /** The largest service level (days) in the catalogue. */
  maxDays: number;
  today: string;
}

/** The built-in profiles' voucher number rule, tolerant of the spaces a paste brings; the server checks the rules'. */
const VOUCHER_NUMBER_REGEX = '^\\s*[A-Za-z0-9-]{4,64}\\s*$';
const EMAIL_REGEX = '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$';

type Kind = 'text' | 'number' | 'date' | 'choice';

const MARKER_TEXT = {
  found: 'intake.found',
  default: 'intake.default',
  notFound: 'intake.notFound',
} as const satisfies Record<IntakeFieldStatus, string>;
// Pale green or yellow text on white is hard to read in Teams' light theme: the words say it, red asks to act.
const MARKER_COLOR: Record<IntakeFieldStatus, string> = {
  found: 'default',
  default: 'default',
  notFound: 'attention',
};

/** Only an email can "find" a field, so a typed form marks nothing but a default the app filled in. */
function markerOf(data: IntakeCardData, id: keyof IntakeFields): IntakeFieldStatus | undefined {
  const given = data.status?.[id];
  if (given) return given;
  if (data.source !== 'email' || data.status !== undefined) return undefined;
  const value = data.fields[id];
  return value !== undefined && value !== '' ? 'found' : 'notFound';
}

export function buildIntakeCard(data: IntakeCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const fromEmail = data.source === 'email';
  const field = (
    id: keyof IntakeFields,
    kind: Kind,
    label: string,
    extra: {
      required?: boolean;
      error?: string;
      regex?: string;
      maxLength?: number;
      style?: string;
      choices?: Choice[];
      max?: number;
    } = {},
  ) => {
    const value = data.fields[id];
    const marker = markerOf(data, id);
    return {
      id,
      kind,
      label,
      value: value ?? '',
      required: extra.required ?? true,
      error: extra.error ?? t(locale, 'common.requiredError'),
      regex: extra.regex ?? '.*',
      maxLength: extra.maxLength ?? 200,
      style: extra.style ?? 'text',
      choices: extra.choices ?? [],
      max: extra.max ?? 15,
      status: marker ? t(locale, MARKER_TEXT[marker]) : '',
      statusColor: MARKER_COLOR[marker ?? 'found'],
    };
  };
  const fields = [
    field('voucherNumber', 'text', t(locale, 'intake.voucherNumber'), {
      regex: VOUCHER_NUMBER_REGEX,
      error: t(locale, 'intake.voucherNumberError'),
      maxLength: 80,
    }),
    field('customerName', 'text', t(locale, 'intake.customerName')),
    field('offeringId', 'choice', t(locale, 'intake.offering'), { choices: data.offeringChoices }),
    field('days', 'number', t(locale, 'intake.days'), { max: data.maxDays }),
    field('voucherAdminEmail', 'text', t(locale, 'intake.voucherAdminEmail'), {
      regex: EMAIL_REGEX,
      error: t(locale, 'intake.emailError'),
      maxLength: 320,
      style: 'email',
    }),
    field('assignedOn', 'date', t(locale, 'intake.assignedOn'), { error: t(locale, 'common.dateError') }),
    field('expiresOn', 'date', t(locale, 'intake.expiresOn'), { required: false }),
  ];
  // An optional field that is empty and was not in the email is not "missing": drop its marker.
  for (const f of fields) if (!f.required && f.value === '') f.status = '';
  const actionData: ActionData = { step: 'submit' };
  if (data.intakeId) actionData.intakeId = data.intakeId;
  const view = {
    l: labels(locale, {
      title: 'intake.title',
      confirm: 'intake.confirm',
      vouchersLink: 'link.partnerCenterVouchers',
    }),
    intro: data.noVoucherFound
      ? t(locale, 'intake.noVoucherFound')
      : t(locale, fromEmail ? 'intake.fromEmail' : 'intake.manual'),
    fields,
    actionData,
    links: LINKS,
  };
  return finish(expand(template, view), { locale, options });
}
