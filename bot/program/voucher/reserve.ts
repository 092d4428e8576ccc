// Step 5: reserve the voucher for an engagement (every guard of PRODUCT.md §4 reported at once), or cancel.
import type { z } from 'zod';
import { actorId, type VoucherContext } from '../context';
import { findEnrollment } from '../deadlines';
import {
  ReasonInput,
  ReserveInput,
  type Actor,
  type IsoDate,
  type Refusal,
  type Result,
  type Voucher,
} from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';
import { notExpiredOn, numberNotActiveElsewhere } from './guards';
import {
  competencyGuard,
  consultantsGuards,
  customerLimitGuard,
  enrolledGuard,
  findVoucherEngagement,
  locationGuard,
  offsiteDaysGuard,
  plannedDatesGuards,
  serviceLevelGuards,
} from './reserve-guards';
import { runVoucherCommand, type VoucherChange } from './run';

type ReservationFields = z.output<typeof ReserveInput>;

/** Every failing guard, in the order they are reported. */
function reserveGuards(
  voucher: Voucher,
  i: ReservationFields,
  ctx: VoucherContext,
  today: IsoDate,
): Refusal[] {
  const { org, rules } = ctx;
  const enrollment = findEnrollment(org, voucher.offeringId);
  const found = findVoucherEngagement(rules, voucher, i.engagementId);
  const engagementProblems =
    'refusals' in found
      ? found.refusals
      : [
          ...competencyGuard(org, found.engagement, today),
          ...serviceLevelGuards(found.engagement, voucher.days),
          ...customerLimitGuard(ctx, voucher, found.engagement),
        ];
  return [
    ...notExpiredOn(voucher, rules, today),
    ...enrolledGuard(voucher, enrollment, rules, today),
    ...engagementProblems,
    ...(enrollment ? locationGuard(voucher, enrollment, i) : []),
    ...plannedDatesGuards(i, today),
    ...offsiteDaysGuard(rules, voucher, i.offsiteDays),
    ...consultantsGuards(org, i.consultants),
    ...numberNotActiveElsewhere(ctx, voucher.voucherNumber, voucher.id),
  ];
}

function reservationOf(i: ReservationFields, actor: Actor, today: IsoDate): VoucherChange {
  return {
    patch: {
      reservation: {
        engagementId: i.engagementId,
        deliveryCountry: i.deliveryCountry,
        partnerLocationId: i.partnerLocationId,
        plannedStart: i.plannedStart,
        plannedEnd: i.plannedEnd,
        consultants: [...new Set(i.consultants)],
        offsiteDays: i.offsiteDays,
        reservedOn: today,
        reservedBy: actorId(actor),
      },
    },
    details: {
      engagementId: i.engagementId,
      plannedStart: i.plannedStart,
      plannedEnd: i.plannedEnd,
      deliveryCountry: i.deliveryCountry,
    },
  };
}

export function reserveVoucher(
  voucher: Voucher,
  input: ReserveInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'reserve', schema: ReserveInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const problems = reserveGuards(voucher, i, ctx, today);
    return problems.length > 0 ? problems : reservationOf(i, actor, today);
  });
}

/** Returns a reserved voucher to Assigned; the reason is kept in the audit trail. */
export function cancelReservation(
  voucher: Voucher,
  input: ReasonInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'cancelReservation', schema: ReasonInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i) => {
    if (i.reason === '') return [refusal('reservation.reasonRequired')];
    return {
      remove: ['reservation'],
      reason: i.reason,
      details: {
        engagementId: voucher.reservation?.engagementId,
        plannedStart: voucher.reservation?.plannedStart,
      },
    };
  });
}
