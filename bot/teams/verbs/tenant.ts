// The organisation's data (Global admin only): the card with export and delete, the export (a file in the
// personal chat, through Teams' file consent), and the deletion (a confirmation with a tick box, then every
// document of the tenant goes and a tombstone records it). Other roles are refused, naming the role.
import { z } from 'zod';
import { buildOrganizationDataCard, refusalNotice, staleNotice } from '../../../cards';
import { t } from '../../i18n';
import type { Refusal } from '../../program';
import { tenantDataRefusal, type Requested, type TenantCommand } from '../../tenants';
import type { TenantExport, TombstoneDoc } from '../../tenants';
import { noticeCard, type Card, type Extras } from '../views';
import { cardOptions } from '../views/view-env';
import { notFound } from './replies';
import type { VerbData, VerbEnv, VerbHandler, VerbReply } from './verb';

/** What the verbs need of the tenant data service (bot/tenants TenantDataService). */
export interface TenantDataActions {
  exportFor(tenantId: string, userId: string): Promise<Requested<TenantExport>>;
  eraseFor(tenantId: string, userId: string): Promise<Requested<TombstoneDoc>>;
}

export interface TenantVerbs {
  show: VerbHandler;
  export: VerbHandler;
  delete: VerbHandler;
}

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
/** What the consent card's accept carries back: which file, never any data. */
export const EXPORT_CONTEXT = { file: 'organizationData' } as const;

const DeleteStep = z.object({ step: z.enum(['open', 'submit']) });
const DeleteSubmit = z.object({ etag: z.string().min(1).max(256), confirmDelete: z.literal('true') });

export function tenantVerbs(data: TenantDataActions | undefined): TenantVerbs {
  return {
    show: async (env) => refusedOr(env, 'tenant.export', () => dataCard(env, 'overview')),
    export: (env) => (data ? offerExport(data, env) : Promise.resolve(notFound(env))),
    delete: (env, d) => (data ? deleteData(data, env, d) : Promise.resolve(notFound(env))),
  };
}

/** Export and deletion: a Global admin's, checked on the organisation this turn read. */
async function refusedOr(
  env: VerbEnv,
  command: TenantCommand,
  card: () => Promise<Card>,
): Promise<VerbReply> {
  const refusal = tenantDataRefusal(env.scope.org.doc, env.scope.userId, command);
  return { card: refusal ? refusedCard(env, refusal) : await card(), changed: false };
}

const refusedCard = (env: VerbEnv, refusal: Refusal): Card =>
  noticeCard(env.scope.locale, refusalNotice(env.scope.locale, [refusal], env.scope.timeZone));

async function dataCard(env: VerbEnv, view: 'overview' | 'confirm', extras: Extras = {}): Promise<Card> {
  const vouchers = await env.repos.vouchers.list(env.scope.tenantId);
  // No refresh on the confirmation: Teams' automatic refresh would put the overview back over it.
  const { refresh: _refresh, ...plain } = cardOptions(env, extras);
  return buildOrganizationDataCard(
    { view, etag: env.scope.org.etag, vouchers: vouchers.length, people: env.scope.org.doc.people.length },
    env.scope.locale,
    view === 'confirm' ? plain : cardOptions(env, extras),
  );
}

/** The export as a file: Teams asks the person to accept it (personal chat only), then the bot uploads it. */
async function offerExport(data: TenantDataActions, env: VerbEnv): Promise<VerbReply> {
  const { locale } = env.scope;
  const result = await data.exportFor(env.scope.tenantId, env.scope.userId);
  if (!result.ok) return { card: refusedCard(env, result.refusal), changed: false };
  if (env.scope.conversation !== 'personal') {
    const notice = { tone: 'info' as const, text: t(locale, 'tenantData.exportPersonalOnly') };
    return { card: await dataCard(env, 'overview', { notice }), changed: false };
  }
  const size = Buffer.byteLength(JSON.stringify(result.value, null, 2));
  const consent = {
    contentType: FILE_CONSENT,
    name: exportFileName(result.value.exportedAt),
    content: {
      description: t(locale, 'tenantData.exportDescription'),
      sizeInBytes: size,
      acceptContext: EXPORT_CONTEXT,
      declineContext: EXPORT_CONTEXT,
    },
  };
  const notice = { tone: 'info' as const, text: t(locale, 'tenantData.exportOffered') };
  return { card: await dataCard(env, 'overview', { notice }), changed: false, send: [consent] };
}

export const exportFileName = (exportedAt: string): string =>
  `organization-data-${exportedAt.slice(0, 10)}.json`;

/** `open`: the confirmation; `submit`: the tick box and the version it was rendered from, then the deletion. */
async function deleteData(data: TenantDataActions, env: VerbEnv, d: VerbData): Promise<VerbReply> {
  const step = DeleteStep.safeParse(d);
  if (!step.success || step.data.step === 'open')
    return refusedOr(env, 'tenant.delete', () => dataCard(env, 'confirm'));
  const refusal = tenantDataRefusal(env.scope.org.doc, env.scope.userId, 'tenant.delete');
  if (refusal) return { card: refusedCard(env, refusal), changed: false };
  const inputs = DeleteSubmit.safeParse(d);
  const { locale } = env.scope;
  if (!inputs.success) {
    const errors = { confirmDelete: t(locale, 'tenantData.confirmRequired') };
    return { card: await dataCard(env, 'confirm', { errors }), changed: false };
  }
  // A confirmation rendered before the organisation changed (people added, vouchers recorded) is asked again.
  if (inputs.data.etag !== env.scope.org.etag)
    return { card: await dataCard(env, 'confirm', { notice: staleNotice(locale) }), changed: false };
  const done = await data.eraseFor(env.scope.tenantId, env.scope.userId);
  if (!done.ok) return { card: refusedCard(env, done.refusal), changed: false };
  const card = buildOrganizationDataCard({ view: 'done', etag: '', vouchers: 0, people: 0 }, locale, {
    notice: { tone: 'success', text: t(locale, 'tenantData.deleted') },
  });
  return { card, changed: true };
}
