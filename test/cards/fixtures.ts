// Realistic view data for every card, including the longest values the domain allows, so the size and
// schema checks see the worst case. Each scenario builds one card in a given locale.
import type { Locale } from '../../bot/i18n';
import {
  buildCancelReservationCard,
  buildCompletionReportCard,
  buildEligibilityCard,
  buildEnrollmentCard,
  buildHelpCard,
  buildIntakeCard,
  buildNoticeCard,
  buildOrganizationDataCard,
  buildPaymentOutcomeCard,
  buildPaymentRequestCard,
  buildPeopleCard,
  buildProfileCard,
  buildRedeemCard,
  buildReminderCard,
  buildReminderListCard,
  MAX_REMINDER_ROWS,
  REMINDER_LIST_STATES,
  buildReservationCard,
  buildSettingsCard,
  buildVoucherDetailCard,
  buildVoucherListCard,
  buildWelcomeCard,
  REMINDER_CARD_KINDS,
  VOUCHER_ACTIONS,
  type AdaptiveCard,
  type ReminderListState,
  type VoucherSummary,
} from '../../cards';
import { NEXT_ACTION_IDS, VoucherState } from '../../bot/program';

const long = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

export const TODAY = '2024-05-20';
const CUSTOMER = long('Companhia Brasileira de Distribuição e Logística Integrada S.A. – Divisão Sul ', 200);
const SUMMARY = long(
  'Planejamento de implantação do Windows 11 e Microsoft 365 Apps para 4.800 estações; ',
  4000,
);
const REASON = long('La solicitud no incluía el informe de finalización firmado por el cliente; ', 1000);

const summary: VoucherSummary = {
  voucherNumber: '7F3K-22QX-9M1B-4471-ZZ',
  customerName: CUSTOMER,
  offeringName: 'Desktop Deployment Planning Services',
  engagementName: 'Windows and Office Deployment Planning',
  days: 15,
  state: 'Reserved',
  expiresOn: '2024-11-02',
};

const ids = { voucherId: 'vch_01HZX3Y4C9K2P7Q8R5S6T7U8V9', etag: '"0a00f1c2-0000-0200-0000-664b1e2a0000"' };

const offerings = [
  [
    'DDPS',
    'Desktop Deployment Planning Services',
    [
      'Windows and Office Deployment Planning',
      'Mobile Productivity Deployment Planning',
      'Modern IT Enterprise Security Proof of Concept',
    ],
  ],
  [
    'DYDPS',
    'Dynamics Deployment Planning Services',
    [
      'Upgrading Dynamics 365 for Customer Engagement',
      'Migrating to Dynamics 365 for Customer Engagement',
      'Upgrading Dynamics 365 for Finance and Operations',
    ],
  ],
  ['PVDPS', 'Private Cloud, Management and Virtualization', ['Modernizing Your Windows Server Platform']],
  [
    'SDPS',
    'SharePoint Deployment Planning Services',
    ['SharePoint Deployment Planning', 'Project and Portfolio Management Solution Planning'],
  ],
  [
    'S-EDPS',
    'Skype for Business and Exchange',
    ['Exchange Deployment Planning', 'Skype for Business Deployment Planning'],
  ],
  ['SSDPS', 'SQL Server Deployment Planning Services', ['Data Estate Modernization']],
] as const;

const competencyNames = [
  'Windows and Devices',
  'Enterprise Mobility Management',
  'Cloud Business Applications',
  'Cloud CRM',
  'Enterprise Resource Planning',
  'Datacenter',
  'Collaboration and Content',
  'Project and Portfolio Management',
  'Messaging',
  'Communications',
  'Data Analytics',
  'Data Platform',
];

const people = Array.from({ length: 500 }, (_, i) => ({
  userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name:
    i === 0
      ? long('Maria Aparecida dos Santos Figueiredo de Albuquerque ', 200)
      : `Pessoa Número ${i} Sobrenome Comprido`,
  email: `pessoa.numero.${i}@contoso-consultoria.com.br`,
  roles: i === 0 ? ['globalAdmin'] : i < 3 ? ['mpnPartnerAdmin'] : i < 10 ? ['consultant'] : [],
}));

const timeline = Array.from({ length: 40 }, (_, i) => ({
  at: `2024-0${1 + (i % 5)}-${String(10 + (i % 18)).padStart(2, '0')}T1${i % 10}:15:00Z`,
  by: people[i % 10]!.userId,
  byName: people[i % 10]!.name,
  action: [
    'voucher.intake',
    'voucher.reserve',
    'voucher.cancelReservation',
    'voucher.submitReport',
    'voucher.unknownFuture',
  ][i % 5]!,
  from: 'Assigned',
  to: 'Reserved',
  reason: i % 5 === 2 ? REASON : undefined,
}));

export interface Scenario {
  name: string;
  build: (locale: Locale) => AdaptiveCard;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'welcome (new partner, every next action)',
    build: (locale) =>
      buildWelcomeCard(
        {
          userName: people[0]!.name,
          firstRun: true,
          partner: 'new',
          setup: { eligibility: 'Met', enrollment: 'InProgress', profile: 'NotStarted' },
          renewalDueOn: '2024-08-01',
          today: TODAY,
          nextActions: NEXT_ACTION_IDS.map((id, i) => ({
            id,
            params: {
              voucherId: ids.voucherId,
              voucherNumber: summary.voucherNumber,
              offeringId: 'DDPS',
              plannedStart: '2024-06-01',
              competencies: ['Messaging'],
            },
            dueDate: i % 2 ? '2024-06-01' : '2024-05-01',
            overdue: i % 2 === 0,
          })),
        },
        locale,
        { refresh: { userIds: [people[0]!.userId] } },
      ),
  },
  {
    name: 'welcome (first run, language picker with an override)',
    build: (locale) =>
      buildWelcomeCard(
        {
          userName: people[0]!.name,
          firstRun: true,
          partner: 'new',
          setup: { eligibility: 'NotStarted', enrollment: 'NotStarted', profile: 'NotStarted' },
          today: TODAY,
          nextActions: [{ id: 'eligibility.completeTraining' }],
          language: { etag: ids.etag, settingsEtag: '1', localeOverride: 'es-ES', detectedLocale: 'pt-BR' },
        },
        locale,
      ),
  },
  {
    name: 'welcome (existing partner, nothing to do)',
    build: (locale) =>
      buildWelcomeCard(
        {
          partner: 'existing',
          setup: { eligibility: 'Met', enrollment: 'Met', profile: 'Attention' },
          today: TODAY,
          nextActions: [],
        },
        locale,
      ),
  },
  { name: 'help', build: (locale) => buildHelpCard({}, locale) },
  {
    name: "organization's data (Global admin)",
    build: (locale) =>
      buildOrganizationDataCard({ view: 'overview', etag: ids.etag, vouchers: 12, people: 4 }, locale),
  },
  {
    name: "organization's data (deletion's last step)",
    build: (locale) =>
      buildOrganizationDataCard({ view: 'confirm', etag: ids.etag, vouchers: 12, people: 4 }, locale),
  },
  {
    name: "organization's data (deleted)",
    build: (locale) =>
      buildOrganizationDataCard({ view: 'done', etag: '', vouchers: 0, people: 0 }, locale, {
        notice: { tone: 'success', text: 'deleted' },
      }),
  },
  {
    name: 'eligibility (admin and consultant)',
    build: (locale) =>
      buildEligibilityCard(
        {
          ...ids,
          today: TODAY,
          trainingCompletedOn: '2023-09-14',
          competencies: [
            { name: 'Windows and Devices', level: 'Gold', validUntil: '2025-03-31' },
            { name: 'Messaging', level: 'Silver', validUntil: '2024-01-31', expired: true },
          ],
          offerings: offerings.map(([id, name, engagements], i) => ({
            offeringId: id,
            name,
            status: (['Met', 'InProgress', 'NotStarted'] as const)[i % 3]!,
            engagements: engagements.map((e, j) => ({
              engagementId: `${id}-${j}`,
              name: e,
              status: (['Met', 'InProgress', 'NotStarted'] as const)[(i + j) % 3]!,
              missing:
                (i + j) % 3 === 0
                  ? []
                  : [
                      { item: 'complianceTraining' as const },
                      {
                        item: 'competency' as const,
                        anyOf: [
                          { name: 'Cloud Business Applications', minimumLevel: 'Silver' },
                          { name: 'Cloud CRM', minimumLevel: 'Silver' },
                        ],
                        expired: [{ name: 'Messaging', validUntil: '2024-01-31' }],
                      },
                    ],
            })),
          })),
          competencyChoices: competencyNames,
          canEdit: true,
          canRecordAssessment: true,
          myAssessments: [
            {
              name: 'MS-100: Microsoft 365 Identity and Services',
              competency: 'Messaging',
              completedOn: '2023-11-02',
            },
          ],
        },
        locale,
      ),
  },
  {
    name: 'eligibility (member, read-only, nothing recorded)',
    build: (locale) =>
      buildEligibilityCard(
        {
          etag: ids.etag,
          today: TODAY,
          competencies: [],
          offerings: [],
          competencyChoices: competencyNames,
          canEdit: false,
          canRecordAssessment: false,
        },
        locale,
      ),
  },
  {
    name: 'enrollment (all offerings, renewal, lapsed, SAVB)',
    build: (locale) =>
      buildEnrollmentCard(
        {
          etag: ids.etag,
          today: TODAY,
          agreementSignedOn: '2023-06-01',
          offerings: offerings.map(([id, name], i) => ({
            offeringId: id,
            name,
            enrolledOn: i < 4 ? '2023-06-15' : undefined,
            renewalDueOn: i < 4 ? '2024-06-15' : undefined,
            lapsed: i === 3,
            renewalOpen: i < 4,
            locations:
              i < 4
                ? [
                    { name: long('Contoso Consultoria São Paulo – Sede Paulista ', 200), country: 'BR' },
                    { name: 'Contoso Madrid', country: 'ES' },
                  ]
                : [],
            savbRegisteredOn: i === 0 ? '2023-09-01' : undefined,
            savbNeeded: i === 1,
          })),
          canEdit: true,
          canRegisterSavb: true,
        },
        locale,
      ),
  },
  {
    name: 'business profile (stale, editable)',
    build: (locale) =>
      buildProfileCard(
        { etag: ids.etag, today: TODAY, lastUpdatedOn: '2023-04-02', stale: true, canEdit: true },
        locale,
      ),
  },
  {
    name: 'business profile (never, read-only)',
    build: (locale) =>
      buildProfileCard({ etag: ids.etag, today: TODAY, stale: false, canEdit: false }, locale),
  },
  {
    name: 'voucher intake (from email, some fields not found, with errors)',
    build: (locale) =>
      buildIntakeCard(
        {
          intakeId: 'int_01HZX3Y4C9K2P7Q8R5S6T7U8V9',
          source: 'email',
          fields: {
            voucherNumber: summary.voucherNumber,
            customerName: CUSTOMER,
            days: 15,
            voucherAdminEmail: 'gerente.projetos@cliente-exemplo.com.br',
            assignedOn: '2024-05-02',
          },
          offeringChoices: offerings.map(([id, name]) => ({ title: `${id} – ${name}`, value: id })),
          maxDays: 15,
          today: TODAY,
        },
        locale,
        { errors: { voucherNumber: 'Voucher 7F3K-22QX-9M1B-4471-ZZ is already active here (Reserved).' } },
      ),
  },
  {
    name: 'voucher intake (typed by hand)',
    build: (locale) =>
      buildIntakeCard(
        {
          source: 'manual',
          fields: {},
          offeringChoices: [{ title: 'DDPS', value: 'DDPS' }],
          maxDays: 15,
          today: TODAY,
        },
        locale,
      ),
  },
  {
    name: 'reservation (prefilled after a refusal)',
    build: (locale) =>
      buildReservationCard(
        {
          ...ids,
          today: TODAY,
          earliestStart: '2024-05-21',
          voucher: { ...summary, state: 'Assigned' },
          engagementChoices: offerings[0][2].map((e, i) => ({ title: e, value: `ddps-${i}` })),
          countryCodes: ['BR', 'ES', 'PT', 'MX', 'AR', 'CL', 'CO', 'PE', 'US'],
          locationChoices: [
            { title: long('Contoso Consultoria São Paulo – Sede Paulista ', 200), value: 'loc-sp' },
            { title: 'Contoso Madrid', value: 'loc-mad' },
          ],
          consultantChoices: people.slice(0, 20).map((p) => ({ title: p.name, value: p.userId })),
          maxOffsiteDays: 3,
          values: {
            engagementId: 'ddps-0',
            deliveryCountry: 'BR',
            partnerLocationId: 'loc-sp',
            plannedStart: '2024-06-03',
            plannedEnd: '2024-06-21',
            consultants: [people[3]!.userId, people[4]!.userId],
            offsiteDays: 2,
          },
        },
        locale,
        {
          errors: { plannedStart: 'The reservation must be made before the engagement starts.' },
          notice: { tone: 'error', text: 'That could not be done' },
        },
      ),
  },
  {
    name: 'cancel reservation',
    build: (locale) =>
      buildCancelReservationCard(
        { ...ids, voucher: summary, plannedStart: '2024-06-03', plannedEnd: '2024-06-21', reason: REASON },
        locale,
      ),
  },
  {
    name: 'completion report (consultant without assessment, max-length summary)',
    build: (locale) =>
      buildCompletionReportCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'Delivered' },
          consultants: [
            {
              userId: people[3]!.userId,
              name: people[3]!.name,
              qualifyingAssessments: [
                { assessmentId: 'asm-1', name: 'MD-102: Endpoint Administrator' },
                { assessmentId: 'asm-2', name: 'MS-102: Microsoft 365 Administrator' },
              ],
            },
            { userId: people[0]!.userId, name: people[0]!.name, qualifyingAssessments: [] },
          ],
          values: {
            actualStart: '2024-05-06',
            actualEnd: '2024-05-17',
            daysDelivered: 10,
            deliverables: [
              {
                type: 'deploymentPlan',
                reference: long(
                  'https://contoso.sharepoint.com/sites/ddps/Shared%20Documents/Plano-de-implantacao-v3.docx',
                  500,
                ),
              },
            ],
            contactName: long('Roberto Carlos Nascimento ', 200),
            contactEmail: 'roberto.nascimento@cliente-exemplo.com.br',
            summary: SUMMARY,
          },
        },
        locale,
        { errors: { 'assessment-00000000-0000-4000-8000-000000000000': 'No qualifying assessment.' } },
      ),
  },
  {
    name: 'redeem confirmation',
    build: (locale) =>
      buildRedeemCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'ReportSubmitted' },
          reportSubmittedOn: '2024-05-18',
        },
        locale,
      ),
  },
  {
    name: 'payment request (no SAVB registration, window closing)',
    build: (locale) =>
      buildPaymentRequestCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'Redeemed' },
          windowEndsOn: '2024-05-30',
          savbRegistered: false,
        },
        locale,
      ),
  },
  {
    name: 'payment request (prefilled)',
    build: (locale) =>
      buildPaymentRequestCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'Redeemed' },
          savbRegistered: true,
          values: {
            savbReference: 'SAVB-2024-000123',
            amount: 18750.5,
            currency: 'BRL',
            requestedOn: '2024-05-19',
          },
        },
        locale,
      ),
  },
  {
    name: 'payment outcome (requested, admin records)',
    build: (locale) =>
      buildPaymentOutcomeCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'PaymentRequested' },
          payment: {
            savbReference: 'SAVB-2024-000123',
            amount: 18750.5,
            currency: 'BRL',
            requestedOn: '2024-05-19',
          },
          canRecord: true,
        },
        locale,
        { refresh: { userIds: [people[1]!.userId, people[2]!.userId] } },
      ),
  },
  {
    name: 'payment outcome (denied with max-length reason)',
    build: (locale) =>
      buildPaymentOutcomeCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'Denied' },
          payment: {
            savbReference: 'SAVB-2024-000123',
            amount: 18750.5,
            currency: 'EUR',
            requestedOn: '2024-05-19',
            deniedOn: '2024-05-20',
            denialReason: REASON,
          },
          canRecord: true,
        },
        locale,
      ),
  },
  {
    name: 'payment outcome (paid)',
    build: (locale) =>
      buildPaymentOutcomeCard(
        {
          ...ids,
          today: TODAY,
          voucher: { ...summary, state: 'Paid' },
          payment: {
            savbReference: 'SAVB-1',
            amount: 100,
            currency: 'USD',
            requestedOn: '2024-05-01',
            approvedOn: '2024-05-05',
            paidOn: '2024-05-20',
            paidAmount: 99.5,
          },
          canRecord: false,
        },
        locale,
      ),
  },
  {
    name: 'voucher detail (every action, long timeline)',
    build: (locale) =>
      buildVoucherDetailCard(
        {
          ...ids,
          voucher: {
            ...summary,
            stateSince: '2024-05-02T13:00:00Z',
            assignedOn: '2024-05-02',
            voucherAdminEmail: 'gerente.projetos@cliente-exemplo.com.br',
            deliveryCountry: 'BR',
            partnerLocationName: long('Contoso Consultoria São Paulo – Sede Paulista ', 200),
            plannedStart: '2024-06-03',
            plannedEnd: '2024-06-21',
            consultantNames: people.slice(3, 8).map((p) => p.name),
            reportSubmittedOn: '2024-05-18',
            redeemedOn: '2024-05-19',
            payment: { amount: 18750.5, currency: 'BRL', requestedOn: '2024-05-19' },
          },
          nextAction: { id: 'report.submit', params: { voucherNumber: summary.voucherNumber } },
          actions: [...VOUCHER_ACTIONS],
          timeline,
        },
        locale,
        { refresh: { userIds: people.slice(0, 5).map((p) => p.userId) }, timeZone: 'America/Sao_Paulo' },
      ),
  },
  {
    name: 'voucher list (middle page)',
    build: (locale) =>
      buildVoucherListCard(
        {
          page: 2,
          pageSize: 10,
          total: 37,
          items: Array.from({ length: 10 }, (_, i) => ({
            voucherId: `vch_${i}`,
            voucherNumber: `7F3K-22QX-${1000 + i}`,
            customerName: CUSTOMER,
            offeringId: offerings[i % offerings.length]![0],
            days: [1, 3, 5, 10, 15][i % 5]!,
            state: VoucherState.options[i % VoucherState.options.length]!,
            expiresOn: '2024-11-02',
          })),
          states: [...VoucherState.options],
          stateFilter: 'Reserved',
        },
        locale,
      ),
  },
  {
    name: 'voucher list (empty)',
    build: (locale) =>
      buildVoucherListCard(
        { page: 1, pageSize: 10, total: 0, items: [], states: [...VoucherState.options] },
        locale,
      ),
  },
  {
    name: 'people and roles (Global admin view, 500 people)',
    build: (locale) =>
      buildPeopleCard({ etag: ids.etag, people, canAssign: true, hasGlobalAdmin: true }, locale),
  },
  {
    name: 'people and roles (no Global admin yet)',
    build: (locale) =>
      buildPeopleCard(
        {
          etag: ids.etag,
          people: people.slice(5, 8).map((p) => ({ ...p, roles: [] })),
          canAssign: false,
          hasGlobalAdmin: false,
        },
        locale,
      ),
  },
  {
    name: 'settings (admin, override set)',
    build: (locale) =>
      buildSettingsCard(
        {
          etag: ids.etag,
          settingsEtag: '1',
          localeOverride: 'pt-BR',
          detectedLocale: 'en',
          timeZone: 'America/Fortaleza',
          canEditOrganization: true,
          canManageData: true,
          programChannelId: '19:abc@thread.tacv2',
          channels: [
            { title: 'General', value: '19:gen@thread.tacv2' },
            { title: 'Planning Services', value: '19:abc@thread.tacv2' },
          ],
        },
        locale,
      ),
  },
  {
    name: 'settings (member, automatic)',
    build: (locale) =>
      buildSettingsCard(
        {
          etag: ids.etag,
          settingsEtag: '0',
          detectedLocale: 'es-ES',
          canEditOrganization: false,
          channels: [],
        },
        locale,
      ),
  },
  ...REMINDER_CARD_KINDS.map((kind) => ({
    name: `reminder (${kind})`,
    build: (locale: Locale) =>
      buildReminderCard(
        {
          reminderId: `${kind}:${ids.voucherId}:2024-06-01:-7`,
          kind,
          dueDate: kind === 'reportDue' ? '2024-05-10' : '2024-06-01',
          today: TODAY,
          subject: {
            voucherId: ids.voucherId,
            voucherNumber: summary.voucherNumber,
            customerName: CUSTOMER,
            offeringId: 'DDPS',
            offeringName: 'Desktop Deployment Planning Services',
          },
        },
        locale,
        {
          refresh: { userIds: [people[1]!.userId], verb: 'voucher.show', data: { voucherId: ids.voucherId } },
        },
      ),
  })),
  {
    name: 'reminder list (admin, every state, more rows than shown)',
    build: (locale) =>
      buildReminderListCard(
        {
          days: 30,
          canTest: true,
          items: Array.from({ length: MAX_REMINDER_ROWS + 5 }, (_, i) => ({
            kind: REMINDER_CARD_KINDS[i % REMINDER_CARD_KINDS.length] as string,
            sendOn: '2024-05-20',
            dueDate: '2024-06-19',
            state: REMINDER_LIST_STATES[i % REMINDER_LIST_STATES.length] as ReminderListState,
            snoozedUntil: '2024-05-23',
            subject: {
              voucherNumber: summary.voucherNumber,
              customerName: CUSTOMER,
              offeringName: 'Desktop Deployment Planning Services',
            },
          })),
        },
        locale,
        { notice: { tone: 'success', text: 'A test reminder is on its way to your personal chat.' } },
      ),
  },
  {
    name: 'reminder list (member, nothing scheduled)',
    build: (locale) => buildReminderListCard({ days: 30, canTest: false, items: [] }, locale),
  },
  {
    name: 'notice (refusals)',
    build: (locale) =>
      buildNoticeCard(
        {
          tone: 'error',
          text: 'That could not be done',
          details: ['The voucher expired on Sep 1, 2024.', REASON],
        },
        locale,
      ),
  },
];
