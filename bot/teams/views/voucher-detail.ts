// One voucher: its facts, where it stands, the buttons the reader may use, and its audit trail. Finished
// detail cards are reused (card-memo.ts): Teams asks for the same one again each time someone looks at it.
import {
  buildVoucherDetailCard,
  type TimelineEntryView,
  type VoucherDetailCardData,
  type VoucherSummary,
  voucherLink,
} from '../../../cards';
import {
  findPerson,
  voucherActionsFor,
  voucherExpiryDate,
  voucherNextAction,
  type Organization,
  type Voucher,
} from '../../program';
import type { Stored } from '../../store';
import { cardKey, documentVersion, organizationVersion, reusedCard } from './card-memo';
import { voucherCardBase } from './voucher-summary';
import { cardOptions, organizationDate, type Card, type Extras, type ViewEnv } from './view-env';

/** Cards with a notice, errors or typed values are always built afresh. */
export function voucherDetailCard(env: ViewEnv, stored: Stored<Voucher>, extras: Extras): Card {
  const today = organizationDate(env);
  if (extras.notice || extras.errors || extras.values) return buildDetailView(env, stored, today, extras);
  return reusedCard(
    env,
    () => detailCardKey(env, stored, today),
    () => buildDetailView(env, stored, today, extras),
  );
}

/** Everything buildDetailView reads: both documents' versions, the reader, the organisation's day, the link host. */
function detailCardKey(env: ViewEnv, stored: Stored<Voucher>, today: string): string | undefined {
  const { scope } = env;
  return cardKey('voucher-detail', [
    documentVersion(stored),
    organizationVersion(scope),
    scope.userId,
    scope.locale,
    scope.timeZone,
    today,
    env.publicHostname ?? '',
  ]);
}

type DetailFacts = Omit<VoucherDetailCardData['voucher'], keyof VoucherSummary>;

/** What the detail card shows beyond the summary: reservation, report, redemption, payment. */
function detailFacts(org: Organization, v: Voucher): DetailFacts {
  const r = v.reservation;
  const location = r
    ? org.enrollments
        .find((e) => e.offeringId === v.offeringId)
        ?.approvedLocations.find((l) => l.id === r.partnerLocationId)
    : undefined;
  return {
    stateSince: v.stateSince,
    assignedOn: v.assignedOn,
    voucherAdminEmail: v.voucherAdminEmail,
    ...(r
      ? {
          deliveryCountry: r.deliveryCountry,
          plannedStart: r.plannedStart,
          plannedEnd: r.plannedEnd,
          consultantNames: r.consultants.map((c) => findPerson(org, c)?.name || c),
          ...(location ? { partnerLocationName: location.name } : {}),
        }
      : {}),
    ...(v.completionReport ? { reportSubmittedOn: v.completionReport.submittedOn } : {}),
    ...(v.redemption ? { redeemedOn: v.redemption.redeemedOn } : {}),
    ...(v.paymentRequest
      ? {
          payment: {
            amount: v.paymentRequest.amount,
            currency: v.paymentRequest.currency,
            requestedOn: v.paymentRequest.requestedOn,
          },
        }
      : {}),
  };
}

function timelineOf(v: Voucher): TimelineEntryView[] {
  return v.audit.map((a) => ({
    at: a.at,
    by: a.by,
    ...(a.byName ? { byName: a.byName } : {}),
    action: a.action,
    ...(a.from ? { from: a.from } : {}),
    ...(a.to ? { to: a.to } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
  }));
}

function buildDetailView(env: ViewEnv, stored: Stored<Voucher>, today: string, extras: Extras): Card {
  const v = stored.doc;
  const org = env.scope.org.doc;
  const expiresOn = voucherExpiryDate(v, env.rules);
  const base = voucherCardBase(env, stored, today, expiresOn);
  const next = voucherNextAction(v, org, env.rules, env.now, { defaultTimeZone: env.defaultTimeZone, today });
  return buildVoucherDetailCard(
    {
      voucherId: v.id,
      etag: stored.etag,
      voucher: { ...base.voucher, ...detailFacts(org, v) },
      nextAction: { id: next.id, params: next.params },
      actions: voucherActionsFor(v, org, env.scope.userId),
      ...(expiresOn ? { expiresOn } : {}),
      timeline: timelineOf(v),
      ...(env.publicHostname ? { link: voucherLink(env.publicHostname, v.id) } : {}),
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}
