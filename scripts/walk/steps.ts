// The newcomer's journey (issue #14), step by step, in one language: what a brand-new partner admin types and
// presses in the Agents Playground, from "hello" to "Paid".
import { t, type Locale } from '../../bot/i18n';
import type { Driver } from './driver';

export interface Step {
  name: string;
  run: (d: Driver) => Promise<void>;
}

export interface Clock {
  today: () => Date;
  advanceDays: (days: number) => void;
}

interface Words {
  people: string;
  eligibility: string;
  enrollment: string;
  profile: string;
  reserve: string;
  report: string;
  redeem: string;
  payment: string;
  amount: string;
  email: (expires: string) => string;
}

const VOUCHER = 'SP-2026-0042';

const WORDS: Record<Locale, Words> = {
  en: {
    people: 'people',
    eligibility: 'eligibility',
    enrollment: 'enrollment',
    profile: 'business profile',
    reserve: 'reserve voucher',
    report: 'completion report',
    redeem: 'redeem voucher',
    payment: 'payment request',
    amount: '12500.50',
    email: (expires) =>
      [
        'From: Maria Lopez <maria.lopez@northwind.example>',
        'Subject: FW: Planning Services voucher',
        '',
        'Hi, here is the voucher for the SharePoint planning work.',
        `Voucher number: ${VOUCHER}`,
        'Customer: Northwind Traders',
        'Offering: SharePoint Deployment Planning Services (SDPS)',
        'Duration: 5 days',
        `Expires: ${expires}`,
      ].join('\n'),
  },
  'pt-BR': {
    people: 'pessoas',
    eligibility: 'elegibilidade',
    enrollment: 'inscrição',
    profile: 'perfil',
    reserve: 'reservar voucher',
    report: 'enviar relatório',
    redeem: 'resgatar voucher',
    payment: 'solicitar pagamento',
    amount: '12500.50',
    email: (expires) =>
      [
        'De: Maria Lopes <maria.lopes@northwind.example>',
        'Assunto: ENC: Voucher de Planning Services',
        '',
        'Olá, segue o voucher para o projeto de SharePoint.',
        `Número do voucher: ${VOUCHER}`,
        'Cliente: Northwind Traders',
        'Oferta: Serviços de Planejamento de Implantação do SharePoint (SDPS)',
        'Duração: 5 dias',
        `Validade: ${expires}`,
      ].join('\n'),
  },
  'es-ES': {
    people: 'personas',
    eligibility: 'elegibilidad',
    enrollment: 'inscripción',
    profile: 'perfil',
    reserve: 'reservar vale',
    report: 'informe de finalización',
    redeem: 'canjear vale',
    payment: 'solicitud de pago',
    amount: '12500.50',
    email: (expires) =>
      [
        'De: María López <maria.lopez@northwind.example>',
        'Asunto: RV: Vale de servicios de planificación',
        '',
        'Hola, os reenvío el vale para el proyecto de SharePoint.',
        `Número del vale: ${VOUCHER}`,
        'Nombre del cliente: Northwind Traders',
        'Oferta: Servicios de planificación de implementación de SharePoint (SDPS)',
        'Número de días: 5',
        `Caduca: ${expires}`,
      ].join('\n'),
  },
};

const COMPETENCY = /Collaboration and Content/;

/** A label that contains a name we do not know (e.g. "{name}: qualifying assessment"): match its fixed part. */
function around(template: string): RegExp {
  const parts = template.split(/\{[a-z]+\}/i).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*'));
}

export function journey(locale: Locale, clock: Clock): Step[] {
  const w = WORDS[locale];
  const l = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]): string =>
    t(locale, key, params);
  const day = (offset: number): string =>
    new Date(clock.today().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      name: 'hello',
      run: async (d) => {
        await d.firstCard();
        await d.send('hello');
      },
    },
    {
      name: 'language',
      run: async (d) => {
        // Back on the install's welcome card: the Playground always says en-US, the person chooses here.
        await d.firstCard();
        await d.choose(t('en', 'settings.language'), t('en', `settings.lang.${locale}`));
        await d.act(t('en', 'common.save'));
      },
    },
    {
      name: 'claim-global-admin',
      run: async (d) => {
        await d.send(w.people);
        await d.act(l('people.claim'));
      },
    },
    {
      // The admin also delivers: only a consultant records an assessment and is offered on a reservation.
      name: 'consultant-role',
      run: async (d) => {
        await d.open(l('people.assign'));
        await d.choose(l('people.person'));
        await d.radio(l('role.consultant'));
        await d.act(l('people.assign'));
      },
    },
    {
      name: 'training',
      run: async (d) => {
        await d.send(w.eligibility);
        await d.open(l('eligibility.recordTraining'));
        await d.fill(l('eligibility.trainingDate'), day(-30));
        await d.act(l('common.save'));
      },
    },
    {
      name: 'competency',
      run: async (d) => {
        await d.open(l('eligibility.addCompetency'));
        await d.choose(l('eligibility.competencyName'), COMPETENCY);
        await d.radio('Gold');
        await d.fill(l('eligibility.validUntil'), day(365));
        await d.act(l('common.save'));
      },
    },
    {
      name: 'assessment',
      run: async (d) => {
        await d.open(l('eligibility.recordAssessment'));
        await d.fill(l('eligibility.assessmentName'), 'MS-700');
        await d.choose(l('eligibility.assessmentCompetency'), COMPETENCY);
        await d.fill(l('eligibility.completedOn'), day(-10));
        await d.act(l('common.save'));
      },
    },
    {
      name: 'enrollment',
      run: async (d) => {
        await d.send(w.enrollment);
        await d.open(l('enrollment.record'));
        await d.choose(l('enrollment.offering'), /SDPS|SharePoint/);
        await d.fill(l('enrollment.agreementDate'), day(-20));
        await d.fill(l('enrollment.date'), day(-19));
        await d.fill(l('enrollment.locationName'), 'São Paulo');
        await d.choose(l('enrollment.countries'), /Bra[sz]il/);
        await d.act(l('enrollment.record'));
      },
    },
    {
      name: 'profile',
      run: async (d) => {
        await d.send(w.profile);
        await d.fill(l('profile.updatedOn'), day(0));
        await d.act(l('profile.record'));
      },
    },
    {
      name: 'intake-pasted-email',
      run: async (d) => {
        await d.send(w.email(day(180)), true);
        await d.shot('intake-form');
        await d.act(l('intake.confirm'));
      },
    },
    {
      name: 'reserve',
      run: async (d) => {
        await d.send(w.reserve);
        await d.choose(l('reservation.engagement'), /SharePoint/);
        await d.choose(l('reservation.country'), /Bra[sz]il/);
        await d.choose(l('reservation.location'));
        await d.fill(l('reservation.start'), day(7));
        await d.fill(l('reservation.end'), day(11));
        await d.choose(l('reservation.consultants'));
        await d.act(l('reservation.submit'));
        // Steps 6–8 happen after the engagement: move the app's clock two weeks on.
        clock.advanceDays(14);
        d.log(`[clock] +14 days: the app's today is ${day(0)}`);
      },
    },
    {
      name: 'mark-delivered',
      run: async (d) => {
        await d.send(VOUCHER);
        await d.act(l('detail.markDelivered'));
      },
    },
    {
      // Out of order on purpose: redeeming before the report must say why, with the button for what comes first.
      name: 'redeem-too-early',
      run: async (d) => {
        await d.send(w.redeem);
      },
    },
    {
      name: 'completion-report',
      run: async (d) => {
        await d.send(w.report);
        await d.fill(l('report.actualStart'), day(-7));
        await d.fill(l('report.actualEnd'), day(-3));
        await d.fill(l('report.daysDelivered'), '5');
        await d.choose(l('report.deliverableType', { index: 1 }));
        await d.fill(l('report.deliverableReference', { index: 1 }), 'https://northwind.example/plan.docx');
        await d.choose(around(l('report.consultantAssessment', { name: '{name}' })));
        await d.fill(l('report.contactName'), 'Maria Lopez');
        await d.fill(l('report.contactEmail'), 'maria.lopez@northwind.example');
        await d.fill(l('report.summary'), 'Farm design and migration plan handed over.');
        await d.act(l('report.submit'));
      },
    },
    {
      name: 'redeem',
      run: async (d) => {
        await d.send(w.redeem);
        await d.act(l('redeem.submit'));
      },
    },
    {
      name: 'savb-registration',
      run: async (d) => {
        await d.send(w.payment);
        await d.shot('payment-before-savb');
        await d.fill(l('payment.savbRegisteredOn'), day(0));
        await d.fill(l('payment.savbRegistrationReference'), 'SAVB-REG-1001');
        await d.act(l('payment.savbRegister'));
      },
    },
    {
      name: 'payment-request',
      run: async (d) => {
        await d.fill(l('payment.reference'), 'SAVB-889911');
        await d.fill(l('payment.amount'), w.amount);
        await d.act(l('payment.submit'));
      },
    },
    {
      name: 'payment-paid',
      run: async (d) => {
        await d.send(VOUCHER);
        await d.act(l('detail.recordOutcome'), false);
        await d.open(l('outcome.record'));
        await d.radio(l('outcome.paid'));
        await d.fill(l('outcome.date'), day(0));
        await d.fill(l('outcome.paidAmount'), w.amount);
        await d.act(l('outcome.submit'));
      },
    },
  ];
}
