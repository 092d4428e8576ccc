// Step 4: the intake form, from a pasted email or typed by hand.
import { buildIntakeCard, type IntakeFields } from '../../../cards';
import { parseVoucherEmail } from '../../program';
import { cardOptions, organizationDate, typedNumber, type Card, type Extras, type ViewEnv } from './view-env';

export interface IntakeDraft {
  source: 'email' | 'manual';
  fields: IntakeFields;
}

const TEXT_FIELDS = [
  'voucherNumber',
  'customerName',
  'offeringId',
  'voucherAdminEmail',
  'assignedOn',
  'expiresOn',
] as const;

export function intakeCard(env: ViewEnv, draft: IntakeDraft, extras: Extras = {}): Card {
  const typedValues = extras.values ?? {};
  const fields: IntakeFields = { ...draft.fields };
  for (const key of TEXT_FIELDS) {
    if (typedValues[key] !== undefined) fields[key] = typedValues[key];
  }
  const days = typedNumber(typedValues.days);
  if (days !== undefined) fields.days = days;
  const { offerings } = env.rules.catalogue;
  const serviceLevels = offerings.flatMap((o) => o.engagements.flatMap((e) => e.serviceLevels));
  const today = organizationDate(env);
  return buildIntakeCard(
    {
      ...(draft.source === 'email' ? { intakeId: 'email' } : {}),
      source: draft.source,
      fields: { assignedOn: today, ...fields },
      offeringChoices: offerings.map((o) => ({ title: `${o.id} – ${o.name}`, value: o.id })),
      maxDays: Math.max(...serviceLevels, 1),
      today,
    },
    env.scope.locale,
    { ...cardOptions(env, extras), refresh: { userIds: [] } },
  );
}

/**
 * The intake form's fields read from a voucher email (pasted in the chat, or a message the "Add as voucher"
 * message action was used on): one parser for every surface. `source` stays 'email' even when nothing was
 * found, so each field says it was not found in the message.
 */
export function intakeDraftFromText(env: ViewEnv, text: string): IntakeDraft {
  const parsed = parseVoucherEmail(text, { offeringCodes: env.rules.catalogue.offerings.map((o) => o.id) });
  const f = {
    voucherNumber: parsed.voucherId.value,
    customerName: parsed.customerName.value,
    offeringId: parsed.offeringCode.value,
    days: parsed.days.value,
    voucherAdminEmail: parsed.voucherAdminEmail.value,
    expiresOn: parsed.expiresOn.value,
  };
  const fields = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  return { source: 'email', fields };
}
