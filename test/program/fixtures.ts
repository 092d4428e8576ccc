// Shared test data for the program engine: a ready organisation, a voucher in any state, actors.
import {
  builtInRules,
  newOrganization,
  type Actor,
  type Organization,
  type Rules,
  type Voucher,
  type VoucherContext,
  type VoucherState,
} from '../../bot/program';

export function rules(profile = 'program-2020'): Rules {
  const r = builtInRules(profile);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.rules;
}

export const GLOBAL: Actor = { kind: 'user', userId: 'u-global', name: 'Gloria Admin' };
export const ADMIN: Actor = { kind: 'user', userId: 'u-admin', name: 'Adam Partner' };
export const CONSULTANT: Actor = { kind: 'user', userId: 'u-cons', name: 'Connie Sultant' };
export const OTHER_CONSULTANT: Actor = { kind: 'user', userId: 'u-cons2', name: 'Otto Other' };
export const MEMBER: Actor = { kind: 'user', userId: 'u-member', name: 'Mel Member' };
export const SYSTEM: Actor = { kind: 'system', process: 'reminders' };

export const NOW = new Date('2020-03-10T12:00:00Z');
export const TODAY = '2020-03-10';

/** An organisation past steps 1–3 for DDPS with two consultants who hold assessments. */
export function readyOrg(overrides: Partial<Organization> = {}): Organization {
  const org = newOrganization('tenant-a', new Date('2020-01-01T00:00:00Z'));
  const at = '2020-01-01T00:00:00.000Z';
  return {
    ...org,
    people: [
      {
        userId: 'u-global',
        name: 'Gloria Admin',
        roles: ['globalAdmin'],
        assessments: [],
        settings: {},
        firstSeenAt: at,
      },
      {
        userId: 'u-admin',
        name: 'Adam Partner',
        roles: ['mpnPartnerAdmin'],
        assessments: [],
        settings: {},
        firstSeenAt: at,
      },
      {
        userId: 'u-cons',
        name: 'Connie Sultant',
        roles: ['consultant'],
        assessments: [
          {
            id: 'assessment-1',
            name: 'MD-101',
            competency: 'Windows and Devices',
            completedOn: '2019-06-01',
          },
        ],
        settings: {},
        firstSeenAt: at,
      },
      {
        userId: 'u-cons2',
        name: 'Otto Other',
        roles: ['consultant'],
        assessments: [
          { id: 'assessment-1', name: 'SQL', competency: 'Data Platform', completedOn: '2019-06-01' },
        ],
        settings: {},
        firstSeenAt: at,
      },
      { userId: 'u-member', name: 'Mel Member', roles: [], assessments: [], settings: {}, firstSeenAt: at },
    ],
    complianceTraining: { completedOn: '2019-12-01', recordedBy: 'u-admin' },
    competencies: [{ name: 'Windows and Devices', level: 'Silver', validUntil: '2020-12-31' }],
    enrollments: [
      {
        offeringId: 'DDPS',
        agreementSignedOn: '2019-12-15',
        enrolledOn: '2020-01-02',
        approvedLocations: [
          { id: 'sp', name: 'São Paulo', country: 'BR' },
          { id: 'mad', name: 'Madrid', country: 'ES' },
        ],
      },
    ],
    businessProfile: { lastUpdatedOn: '2020-01-05' },
    savbRegistrations: [{ offeringId: 'DDPS', registeredOn: '2020-02-01', registeredBy: 'u-global' }],
    ...overrides,
  };
}

export function ctx(
  org: Organization = readyOrg(),
  now: Date = NOW,
  extra: Partial<VoucherContext> = {},
): VoucherContext {
  return { org, rules: rules(), now, ...extra };
}

const BASE: Voucher = {
  id: 'v-1',
  tenantId: 'tenant-a',
  schemaVersion: 1,
  voucherNumber: 'ABCD-1234',
  offeringId: 'DDPS',
  days: 5,
  customer: { name: 'Contoso' },
  voucherAdminEmail: 'pm@contoso.example',
  assignedOn: '2020-03-01',
  intakeOn: '2020-03-02',
  intakeBy: 'u-admin',
  source: 'manual',
  state: 'Assigned',
  stateSince: '2020-03-02T10:00:00.000Z',
  audit: [],
};

const RESERVATION = {
  engagementId: 'ddps-windows-office',
  deliveryCountry: 'BR',
  partnerLocationId: 'sp',
  plannedStart: '2020-03-16',
  plannedEnd: '2020-03-20',
  consultants: ['u-cons'],
  offsiteDays: 0,
  reservedOn: '2020-03-05',
  reservedBy: 'u-admin',
};

const REPORT = {
  actualStart: '2020-03-16',
  actualEnd: '2020-03-20',
  daysDelivered: 5,
  deliverables: [{ type: 'Deployment plan', reference: 'https://contoso.example/plan.docx' }],
  consultants: [{ userId: 'u-cons', assessmentId: 'assessment-1' }],
  customerContact: { name: 'Pat Manager' },
  summary: '',
  submittedOn: '2020-03-21',
  submittedBy: 'u-cons',
};

/** A voucher as it would be in `state`, with the records that state implies. */
export function voucherIn(state: VoucherState, overrides: Partial<Voucher> = {}): Voucher {
  const v: Voucher = { ...structuredClone(BASE), state };
  const order: VoucherState[] = [
    'Assigned',
    'Reserved',
    'Delivered',
    'ReportSubmitted',
    'Redeemed',
    'PaymentRequested',
    'Paid',
  ];
  const rank = order.indexOf(state === 'Denied' ? 'Paid' : state === 'Expired' ? 'Reserved' : state);
  if (rank >= 1) v.reservation = structuredClone(RESERVATION);
  if (rank >= 3) v.completionReport = structuredClone(REPORT);
  if (rank >= 4) v.redemption = { redeemedOn: '2020-03-25', redeemedBy: 'u-admin' };
  if (rank >= 5)
    v.paymentRequest = {
      savbReference: 'SAVB-1',
      amount: 5000,
      currency: 'USD',
      requestedOn: '2020-03-26',
      requestedBy: 'u-admin',
    };
  if (state === 'Paid')
    v.paymentRequest = {
      ...v.paymentRequest!,
      approvedOn: '2020-04-01',
      paidOn: '2020-04-20',
      paidAmount: 5000,
    };
  if (state === 'Denied')
    v.paymentRequest = { ...v.paymentRequest!, deniedOn: '2020-04-01', denialReason: 'no report' };
  return { ...v, ...overrides };
}
