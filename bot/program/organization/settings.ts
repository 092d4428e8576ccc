// Settings: a person's language and time zone (their own document), the organisation's time zone and its program channel.
import { z } from 'zod';
import type { OrgContext } from '../context';
import { isTimeZone } from '../dates';
import { runCommand } from '../command-runner';
import {
  PERSON_SETTINGS_AUDIT_KEEP,
  ProgramChannel,
  type PersonSettings,
  type Actor,
  type Organization,
  type Refusal,
  type Result,
  type Role,
} from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';
import { runOrganizationCommand } from './run';

export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es-ES'] as const;

export const UpdateSettingsInput = z.object({
  /** Whose settings; defaults to the actor. Only a Global admin changes someone else's. */
  userId: z.string().min(1).optional(),
  locale: z.string().nullable().optional(),
  timeZone: z.string().nullable().optional(),
});
/**
 * Per-user locale override and time zone, on the person's own document (`settings` is that document, or a blank
 * one for a person without). `null` clears a setting. The organisation only decides who may (roles).
 */
export function changePersonSettings(
  org: Organization,
  settings: PersonSettings,
  input: z.input<typeof UpdateSettingsInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<PersonSettings> {
  const self = actor.kind === 'user' ? actor.userId : '';
  const spec = {
    command: 'settings.update',
    schema: UpdateSettingsInput,
    role: (i: z.output<typeof UpdateSettingsInput>) => ({
      roles: [] as Role[],
      users: [i.userId ?? self].filter((u) => u === self),
    }),
  };
  return runCommand<typeof UpdateSettingsInput, PersonSettings>(spec, { org, actor, ctx }, input, (i) => {
    const userId = i.userId ?? self;
    const problems: Refusal[] = [];
    if (userId !== settings.userId) problems.push(refusal('input.invalid', { field: 'userId' }));
    if (i.timeZone && !isTimeZone(i.timeZone))
      problems.push(refusal('settings.timeZoneInvalid', { timeZone: i.timeZone }));
    if (i.locale && !(SUPPORTED_LOCALES as readonly string[]).includes(i.locale)) {
      problems.push(
        refusal('settings.localeUnsupported', { locale: i.locale, supported: [...SUPPORTED_LOCALES] }),
      );
    }
    if (problems.length > 0) return problems;
    const next: PersonSettings = { ...settings };
    if (i.locale === null) delete next.locale;
    else if (i.locale !== undefined) next.locale = i.locale;
    if (i.timeZone === null) delete next.timeZone;
    else if (i.timeZone !== undefined) next.timeZone = i.timeZone;
    if (next.locale === settings.locale && next.timeZone === settings.timeZone)
      return { unchanged: settings };
    return {
      doc: {
        ...next,
        revision: settings.revision + 1,
        audit: settings.audit.slice(-(PERSON_SETTINGS_AUDIT_KEEP - 1)),
      },
      details: { userId, locale: i.locale, timeZone: i.timeZone },
    };
  });
}

export const SetOrganizationTimeZoneInput = z.object({ timeZone: z.string().min(1) });
export function setOrganizationTimeZone(
  org: Organization,
  input: z.input<typeof SetOrganizationTimeZoneInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'organization.setTimeZone', schema: SetOrganizationTimeZoneInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!isTimeZone(i.timeZone)) return [refusal('settings.timeZoneInvalid', { timeZone: i.timeZone })];
      return { doc: { ...org, timeZone: i.timeZone }, from: org.timeZone, to: i.timeZone };
    },
  );
}

export const ProgramChannelInput = z.object({ channel: ProgramChannel.nullable() });
/** Chooses (or clears, with null) the team channel that also receives program messages. */
export function setProgramChannel(
  org: Organization,
  input: z.input<typeof ProgramChannelInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'organization.setProgramChannel', schema: ProgramChannelInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const { programChannel: _old, ...rest } = org;
      return {
        doc: i.channel ? { ...rest, programChannel: i.channel } : rest,
        from: org.programChannel?.channelId,
        to: i.channel?.channelId,
      };
    },
  );
}
