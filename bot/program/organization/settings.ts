// Settings: a person's language and time zone, the organisation's time zone and its program channel.
import { z } from 'zod';
import type { OrgContext } from '../context';
import { isTimeZone } from '../dates';
import {
  ProgramChannel,
  type Actor,
  type Organization,
  type Refusal,
  type Result,
  type Role,
} from '../model';
import { refusal } from '../result';
import { findPerson, PARTNER_ADMIN } from '../roles';
import { blankPerson, withPerson } from './person-records';
import { runOrganizationCommand } from './run';

export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es-ES'] as const;

export const UpdateSettingsInput = z.object({
  /** Whose settings; defaults to the actor. Only a Global admin changes someone else's. */
  userId: z.string().min(1).optional(),
  locale: z.string().nullable().optional(),
  timeZone: z.string().nullable().optional(),
});
/** Per-user locale override and time zone. `null` clears a setting. */
export function updateSettings(
  org: Organization,
  input: z.input<typeof UpdateSettingsInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const self = actor.kind === 'user' ? actor.userId : '';
  const spec = {
    command: 'settings.update',
    schema: UpdateSettingsInput,
    role: (i: z.output<typeof UpdateSettingsInput>) => ({
      roles: [] as Role[],
      users: [i.userId ?? self].filter((u) => u === self),
    }),
  };
  return runOrganizationCommand(spec, org, input, actor, ctx, (i) => {
    const userId = i.userId ?? self;
    const problems: Refusal[] = [];
    if (i.timeZone && !isTimeZone(i.timeZone))
      problems.push(refusal('settings.timeZoneInvalid', { timeZone: i.timeZone }));
    if (i.locale && !(SUPPORTED_LOCALES as readonly string[]).includes(i.locale)) {
      problems.push(
        refusal('settings.localeUnsupported', { locale: i.locale, supported: [...SUPPORTED_LOCALES] }),
      );
    }
    if (problems.length > 0) return problems;
    const person = findPerson(org, userId) ?? blankPerson(userId, ctx.now);
    const settings = { ...person.settings };
    if (i.locale === null) delete settings.locale;
    else if (i.locale !== undefined) settings.locale = i.locale;
    if (i.timeZone === null) delete settings.timeZone;
    else if (i.timeZone !== undefined) settings.timeZone = i.timeZone;
    return {
      doc: withPerson(org, { ...person, settings }),
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
