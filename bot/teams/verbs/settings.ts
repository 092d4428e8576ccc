// settings.save: the person's language and time zone (their own document, checked against the revision the
// card carries, so nobody else's work makes it stale), and the organisation's program channel (admins;
// checked against the organisation's ETag only when it changes). An input that is absent changes nothing;
// the language "Automatic" (AUTOMATIC_LOCALE; '' from cards sent before it) clears the override.
import { z } from 'zod';
import { zonedDate } from '../../i18n';
import { AUTOMATIC_LOCALE, NOT_SET } from '../../../cards';
import {
  blankPersonSettings,
  changePersonSettings,
  setProgramChannel,
  SUPPORTED_LOCALES,
  type OrgContext,
  type Refusal,
} from '../../program';
import { ConcurrencyConflict } from '../../store';
import { withOrganization, withPersonSettings } from '../scope';
import { settingsCard, settingsEtag, type Extras } from '../views';
import { Etag, optionalText } from './inputs';
import { changedSinceOpened, inputErrors, invalidCard, refusals, saved } from './replies';
import type { VerbData, VerbEnv, VerbHandler, VerbReply } from './verb';

const SettingsInputs = z.object({
  locale: z
    .union([z.literal(''), z.literal(AUTOMATIC_LOCALE), z.enum(SUPPORTED_LOCALES)])
    .optional()
    .transform((l) => (l === AUTOMATIC_LOCALE ? '' : l)),
  // NOT_SET ('' from cards sent before it) = "not set" / "no channel".
  timeZone: optionalText(64).transform((v) => (v === NOT_SET ? '' : v)),
  programChannelId: z
    .string()
    .max(256)
    .optional()
    .transform((v) => (v === NOT_SET ? '' : v)),
});
type SettingsInputs = z.output<typeof SettingsInputs>;

/** Cards sent before people had their own settings carry only the organisation's ETag. */
const SettingsRef = z.object({ etag: Etag.optional(), settingsEtag: z.string().max(32).optional() });

const view = (e: VerbEnv, extras: Extras) => settingsCard(e, e.channel, extras);

function contextOf(env: VerbEnv): OrgContext {
  return { rules: env.rules, now: env.now, defaultTimeZone: env.defaultTimeZone, localDate: zonedDate };
}

export const saveSettings: VerbHandler = async (env, data) => {
  if (data.step === 'open') return { card: view(env, {}), changed: false };
  const ref = SettingsRef.safeParse(data);
  if (!ref.success || (ref.data.etag === undefined && ref.data.settingsEtag === undefined))
    return { card: view(env, invalidCard(env)), changed: false };
  const parsed = SettingsInputs.safeParse(data);
  if (!parsed.success) return { card: view(env, inputErrors(env, parsed.error, data)), changed: false };
  const i = parsed.data;
  const org = env.scope.org;
  const channelChanges =
    i.programChannelId !== undefined && i.programChannelId !== (org.doc.programChannel?.channelId ?? '');
  const personalStale =
    ref.data.settingsEtag === undefined
      ? ref.data.etag !== org.etag
      : ref.data.settingsEtag !== settingsEtag(env);
  if (personalStale || (channelChanges && ref.data.etag !== org.etag)) return changedSinceOpened(env, view);
  const personal = await savePersonal(env, i, data);
  if ('card' in personal) return personal;
  if (!channelChanges) {
    const card = view(personal.env, saved(personal.env));
    return { card, changed: personal.changed };
  }
  return saveChannel(personal.env, i.programChannelId ?? '', data, personal.changed);
};

/** The person's language and time zone; a lost race only with the Teams id being learnt is tried again. */
async function savePersonal(
  env: VerbEnv,
  i: SettingsInputs,
  data: VerbData,
): Promise<VerbReply | { env: VerbEnv; changed: boolean }> {
  const { tenantId, userId, actor } = env.scope;
  const change: { locale?: string | null; timeZone?: string } = {};
  let current = env.scope.settings;
  for (let attempt = 1; ; attempt++) {
    const doc = current?.doc ?? blankPersonSettings(tenantId, userId);
    if (i.locale !== undefined && (i.locale || undefined) !== doc.locale)
      change.locale = i.locale === '' ? null : i.locale;
    if (i.timeZone && i.timeZone !== doc.timeZone) change.timeZone = i.timeZone;
    if (Object.keys(change).length === 0) return { env, changed: false };
    const result = changePersonSettings(env.scope.org.doc, doc, change, actor, contextOf(env));
    if (!result.ok) return { card: view(env, refusals(env, result.refusals, data)), changed: false };
    try {
      const next = await env.repos.people.save(result.value, current?.etag);
      return { env: { ...env, scope: withPersonSettings(env.scope, next) }, changed: true };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict) || attempt >= 3) throw err;
      const fresh = await env.repos.people.get(tenantId, userId);
      if ((fresh?.doc.revision ?? 0) !== doc.revision) {
        const scope = fresh ? withPersonSettings(env.scope, fresh) : env.scope;
        return changedSinceOpened({ ...env, scope }, view);
      }
      current = fresh;
    }
  }
}

/** The organisation's program channel: only "none" or the channel this card was opened in (a forged id is refused). */
async function saveChannel(
  env: VerbEnv,
  channelId: string,
  data: VerbData,
  personalChanged: boolean,
): Promise<VerbReply> {
  const here = env.channel;
  if (channelId !== '' && channelId !== here?.channelId) {
    const forged: Refusal = {
      rule: 'input.invalid',
      params: { field: 'programChannelId', issue: 'invalid_value' },
    };
    return { card: view(env, refusals(env, [forged], data)), changed: personalChanged };
  }
  const org = env.scope.org;
  const channel = channelId === '' ? null : (here ?? null);
  const result = setProgramChannel(org.doc, { channel }, env.scope.actor, contextOf(env));
  if (!result.ok) return { card: view(env, refusals(env, result.refusals, data)), changed: personalChanged };
  try {
    const next = await env.repos.organizations.save(env.scope.tenantId, result.value, org.etag);
    const after: VerbEnv = { ...env, scope: withOrganization(env.scope, next) };
    return { card: view(after, saved(after)), changed: true };
  } catch (err) {
    if (!(err instanceof ConcurrencyConflict)) throw err;
    const fresh = await env.repos.organizations.get(env.scope.tenantId);
    if (!fresh) throw err;
    return changedSinceOpened({ ...env, scope: withOrganization(env.scope, fresh) }, view);
  }
}
