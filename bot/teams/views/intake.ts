// Step 4: the intake form, from a pasted email or typed by hand.
import { buildIntakeCard, type IntakeCardData, type IntakeFields } from '../../../cards';
import { draftFromEmail, type DraftFieldStatus, type Rules } from '../../program';
import { cardOptions, organizationDate, typedNumber, type Card, type Extras, type ViewEnv } from './view-env';

export interface IntakeDraft {
  source: 'email' | 'manual';
  fields: IntakeFields;
  /** Per field: read from the email, filled by a default, or not found. A field without one shows no marker. */
  status?: Partial<Record<keyof IntakeFields, DraftFieldStatus>>;
  /** The pasted text held nothing that looked like a voucher: the empty form, and the user told so. */
  noVoucherFound?: boolean;
}

const TEXT_FIELDS = [
  'voucherNumber',
  'customerName',
  'offeringId',
  'voucherAdminEmail',
  'assignedOn',
  'expiresOn',
] as const;

/** The intake card's data for a pasted email — pure, so chat and the message extension build the same form. */
export function intakeDraftFromEmail(rules: Rules, text: string, today: string): IntakeCardData {
  return intakeCardData(rules, emailDraft(rules, text, today), today);
}

/**
 * The intake draft read from a voucher email (pasted in the chat, or a message the "Add as voucher" message
 * action was used on): one parser for every surface.
 */
export function intakeDraftFromText(env: ViewEnv, text: string): IntakeDraft {
  return emailDraft(env.rules, text, organizationDate(env));
}

function emailDraft(rules: Rules, text: string, today: string): IntakeDraft {
  const draft = draftFromEmail(text, {
    offeringCodes: rules.catalogue.offerings.map((o) => o.id),
    voucherIdPattern: rules.voucher.numberPattern,
    today,
  });
  if (draft.noVoucherFound) return { source: 'manual', fields: {}, noVoucherFound: true };
  return { source: 'email', fields: draft.fields, status: draft.status };
}

/** The form's data: the draft, what the person typed over it (typed values carry no marker), and the default
 *  assignment date (today) marked as a default. */
export function intakeCardData(
  rules: Rules,
  draft: IntakeDraft,
  today: string,
  typedValues: Record<string, string> = {},
): IntakeCardData {
  const fields: IntakeFields = { ...draft.fields };
  const status = { ...draft.status };
  for (const key of TEXT_FIELDS) {
    if (typedValues[key] === undefined) continue;
    fields[key] = typedValues[key];
    delete status[key];
  }
  const days = typedNumber(typedValues.days);
  if (days !== undefined) {
    fields.days = days;
    delete status.days;
  }
  if (draft.status === undefined && fields.assignedOn === undefined) {
    fields.assignedOn = today;
    status.assignedOn = 'default';
  }
  const { offerings } = rules.catalogue;
  const serviceLevels = offerings.flatMap((o) => o.engagements.flatMap((e) => e.serviceLevels));
  return {
    ...(draft.source === 'email' ? { intakeId: 'email' } : {}),
    source: draft.source,
    fields,
    status,
    ...(draft.noVoucherFound ? { noVoucherFound: true } : {}),
    offeringChoices: offerings.map((o) => ({ title: `${o.id} – ${o.name}`, value: o.id })),
    maxDays: Math.max(...serviceLevels, 1),
    today,
  };
}

export function intakeCard(env: ViewEnv, draft: IntakeDraft, extras: Extras = {}): Card {
  const data = intakeCardData(env.rules, draft, organizationDate(env), extras.values);
  return buildIntakeCard(data, env.scope.locale, { ...cardOptions(env, extras), refresh: { userIds: [] } });
}

/** A pasted email → the intake form (chat's path; the message extension calls intakeDraftFromEmail itself). */
export function intakeCardFromEmail(env: ViewEnv, text: string): Card {
  const data = intakeDraftFromEmail(env.rules, text, organizationDate(env));
  return buildIntakeCard(data, env.scope.locale, { ...cardOptions(env), refresh: { userIds: [] } });
}
