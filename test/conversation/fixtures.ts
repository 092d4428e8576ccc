// Organisations and vouchers put straight into the store, so a test starts at the step it is about.
import type { Organization, Person, Voucher } from '../../bot/program';
import type { Harness } from './harness';

export const ADMIN = 'admin-1';
export const PARTNER_ADMIN = 'pa-1';
export const CONSULTANT = 'cons-1';
export const MEMBER = 'member-1';

/** Someone the bot has met: their Teams user id is the `from.id` test/support/activities.ts sends. */
function person(userId: string, name: string, roles: Person['roles'], extra: Partial<Person> = {}): Person {
  return {
    userId,
    teamsUserId: `29:${userId}`,
    name,
    roles,
    assessments: [],
    settings: {},
    firstSeenAt: '2026-01-05T10:00:00.000Z',
    ...extra,
  };
}

/** Steps 1–3 done: Global admin, MPN partner admin, a qualified consultant, a member; enrolled in SDPS (BR). */
export async function seedReadyOrganization(
  h: Harness,
  tenantId: string,
): Promise<{ doc: Organization; etag: string }> {
  const stored = await h.repos.organizations.getOrCreate(tenantId, new Date('2026-01-05T10:00:00Z'));
  const org: Organization = {
    ...stored.doc,
    people: [
      person(ADMIN, 'Ana Souza', ['globalAdmin']),
      person(PARTNER_ADMIN, 'Pedro Alves', ['mpnPartnerAdmin']),
      person(CONSULTANT, 'Carla Dias', ['consultant'], {
        assessments: [
          {
            id: 'assessment-1',
            name: 'SharePoint planning assessment',
            competency: 'Collaboration and Content',
            completedOn: '2026-01-10',
          },
        ],
      }),
      person(MEMBER, 'Marcos Lima', []),
    ],
    complianceTraining: { completedOn: '2026-01-06', recordedBy: ADMIN },
    competencies: [{ name: 'Collaboration and Content', level: 'Gold', validUntil: '2027-06-30' }],
    enrollments: [
      {
        offeringId: 'SDPS',
        agreementSignedOn: '2026-01-07',
        enrolledOn: '2026-01-08',
        approvedLocations: [{ id: 'sp-br', name: 'São Paulo', country: 'BR' }],
      },
    ],
    businessProfile: { lastUpdatedOn: '2026-01-09' },
  };
  return h.repos.organizations.save(tenantId, org, stored.etag);
}

/** A voucher in a given state with what that state implies, written directly. */
export async function seedVoucher(
  h: Harness,
  tenantId: string,
  id: string,
  state: Voucher['state'],
  extra: Partial<Voucher> = {},
): Promise<{ doc: Voucher; etag: string }> {
  const v: Voucher = {
    id,
    tenantId,
    schemaVersion: 1,
    voucherNumber: id.replace(/^v-/, ''),
    offeringId: 'SDPS',
    days: 5,
    customer: { name: `Customer of ${id}` },
    voucherAdminEmail: 'pm@customer.example',
    assignedOn: '2026-03-01',
    intakeOn: '2026-03-01',
    intakeBy: ADMIN,
    source: 'manual',
    state,
    stateSince: '2026-03-01T10:00:00.000Z',
    audit: [],
  };
  if (state !== 'Assigned' && state !== 'Expired') {
    v.reservation = {
      engagementId: 'sdps-sharepoint',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp-br',
      plannedStart: '2026-04-06',
      plannedEnd: '2026-04-10',
      consultants: [CONSULTANT],
      offsiteDays: 0,
      reservedOn: '2026-03-02',
      reservedBy: ADMIN,
    };
  }
  if (['ReportSubmitted', 'Redeemed', 'PaymentRequested', 'Paid', 'Denied'].includes(state)) {
    v.completionReport = {
      actualStart: '2026-04-06',
      actualEnd: '2026-04-10',
      daysDelivered: 5,
      deliverables: [{ type: 'architecture', reference: 'doc-1' }],
      consultants: [{ userId: CONSULTANT, assessmentId: 'assessment-1' }],
      customerContact: { name: 'Maria' },
      summary: '',
      submittedOn: '2026-04-11',
      submittedBy: CONSULTANT,
    };
  }
  if (['Redeemed', 'PaymentRequested', 'Paid', 'Denied'].includes(state))
    v.redemption = { redeemedOn: '2026-04-12', redeemedBy: ADMIN };
  if (['PaymentRequested', 'Paid', 'Denied'].includes(state)) {
    v.paymentRequest = {
      savbReference: 'SAVB-1',
      amount: 1000,
      currency: 'USD',
      requestedOn: '2026-04-13',
      requestedBy: ADMIN,
    };
  }
  return h.repos.vouchers.create(tenantId, { ...v, ...extra });
}
