// Step 4: the intake form, from a pasted email or typed by hand.
import { buildIntakeCard, type IntakeFields } from '../../../cards';
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
