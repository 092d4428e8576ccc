// The two journeys of issue #4 over real HTTP, each in the three languages: a new partner through steps 1–3,
// and a voucher from the customer's email through steps 4–8. Free text where a person would type, the
// cards' own Action.Execute data (ids, step, ETag) where a person would press a button.
import { strict as assert } from 'node:assert';
import { t, type Locale } from '../../bot/i18n';
import { actionsOf, cardText, inputIds, noticeOf, startHarness, type Card, type Harness } from './harness';
import { ADMIN, CONSULTANT, seedReadyOrganization } from './fixtures';

interface Words {
  hello: string;
  eligibility: string;
  enrollment: string;
  profile: string;
  next: string;
  reserve: string;
  report: string;
  redeem: string;
  payment: string;
  amount: string;
  email: string;
}

const EMAIL_EN = [
  'From: Maria Lopez <maria.lopez@northwind.example>',
  'Sent: Monday, March 2, 2026 9:12 AM',
  'Subject: FW: Planning Services voucher',
  '',
  'Hi, here is the voucher for the SharePoint planning work.',
  '',
  'Voucher number: SP-2026-0042',
  'Customer: Northwind Traders',
  'Offering: SharePoint Deployment Planning Services (SDPS)',
  'Duration: 5 days',
].join('\n');

const EMAIL_PT = [
  'De: Maria Lopes <maria.lopes@northwind.example>',
  'Enviada em: segunda-feira, 2 de março de 2026 09:12',
  'Assunto: ENC: Voucher de Planning Services',
  '',
  'Olá, segue o voucher para o projeto de SharePoint.',
  '',
  'Número do voucher: SP-2026-0042',
  'Cliente: Northwind Traders',
  'Oferta: Serviços de Planejamento de Implantação do SharePoint (SDPS)',
  'Duração: 5 dias',
].join('\n');

const EMAIL_ES = [
  'De: María López <maria.lopez@northwind.example>',
  'Enviado el: lunes, 2 de marzo de 2026 9:12',
  'Asunto: RV: Vale de servicios de planificación',
  '',
  'Hola, os reenvío el vale para el proyecto de SharePoint.',
  '',
  'Número del vale: SP-2026-0042',
  'Nombre del cliente: Northwind Traders',
  'Oferta: Servicios de planificación de implementación de SharePoint (SDPS)',
  'Número de días: 5',
].join('\n');

const WORDS: Record<Locale, Words> = {
  en: {
    hello: 'hello',
    eligibility: 'eligibility',
    enrollment: 'enrollment',
    profile: 'business profile',
    next: "what's next",
    reserve: 'reserve voucher',
    report: 'completion report',
    redeem: 'redeem voucher',
    payment: 'payment request',
    amount: '12,500.50',
    email: EMAIL_EN,
  },
  'pt-BR': {
    hello: 'olá',
    eligibility: 'elegibilidade',
    enrollment: 'inscrição',
    profile: 'perfil',
    next: 'próximo passo',
    reserve: 'reservar voucher',
    report: 'enviar relatório',
    redeem: 'resgatar voucher',
    payment: 'solicitar pagamento',
    amount: '12.500,50',
    email: EMAIL_PT,
  },
  'es-ES': {
    hello: 'hola',
    eligibility: 'elegibilidad',
    enrollment: 'inscripción',
    profile: 'perfil',
    next: 'siguiente paso',
    reserve: 'reservar vale',
    report: 'informe de finalización',
    redeem: 'canjear vale',
    payment: 'solicitud de pago',
    amount: '12.500,50',
    email: EMAIL_ES,
  },
};

function dataOf(
  card: Card,
  verb: string,
  match: (d: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const found = actionsOf(card).find((a) => a.verb === verb && match(a.data));
  assert.ok(
    found,
    `card offers ${verb} (has ${actionsOf(card)
      .map((a) => a.verb)
      .join(', ')})`,
  );
  return found.data;
}

function assertSaved(card: Card, locale: Locale): void {
  assert.match(
    noticeOf(card) ?? '',
    new RegExp(t(locale, 'notice.saved').replace('.', '\\.')),
    cardText(card).slice(0, 400),
  );
}

for (const locale of ['en', 'pt-BR', 'es-ES'] as const) {
  const w = WORDS[locale];

  describe(`journey (${locale}): a new partner through steps 1–3`, () => {
    let h: Harness;
    const tenantId = `tenant-new-${locale}`;
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale };
    before(async () => {
      h = await startHarness(new Date('2026-03-10T12:00:00Z'));
    });
    after(async () => h.stop());

    it('greets a new partner, who claims Global admin, records training and a competency, enrols, updates the profile, and is told to paste a voucher', async () => {
      const [welcome] = await h.say(me, w.hello);
      assert.ok(welcome);
      assert.match(cardText(welcome), new RegExp(t(locale, 'welcome.newPartner')));
      assert.match(cardText(welcome), new RegExp(t(locale, 'next.role.claimGlobalAdmin').slice(0, 20)));

      // Bootstrap: nobody is Global admin yet; the people card offers the claim.
      const [people] = await h.say(
        me,
        locale === 'en' ? 'people' : locale === 'pt-BR' ? 'pessoas' : 'personas',
      );
      const claimed = await h.act(
        me,
        'people.claimGlobalAdmin',
        dataOf(people as Card, 'people.claimGlobalAdmin'),
      );
      assertSaved(claimed, locale);
      assert.deepEqual((await h.org(tenantId)).doc.people.find((p) => p.userId === ADMIN)?.roles, [
        'globalAdmin',
      ]);

      // Step 1
      const [elig] = await h.say(me, w.eligibility);
      assert.ok(inputIds(elig).includes('trainingCompletedOn'));
      const trained = await h.act(me, 'eligibility.record', {
        ...dataOf(elig as Card, 'eligibility.record', (d) => d.step === 'training'),
        trainingCompletedOn: '2026-02-01',
      });
      assertSaved(trained, locale);
      const competent = await h.act(me, 'eligibility.record', {
        ...dataOf(trained, 'eligibility.record', (d) => d.step === 'competency'),
        competencyName: 'Collaboration and Content',
        competencyLevel: 'Gold',
        competencyValidUntil: '2027-01-31',
      });
      assertSaved(competent, locale);
      let org = (await h.org(tenantId)).doc;
      assert.equal(org.complianceTraining?.completedOn, '2026-02-01');
      assert.deepEqual(org.competencies, [
        { name: 'Collaboration and Content', level: 'Gold', validUntil: '2027-01-31' },
      ]);

      // Step 2
      const [enrol] = await h.say(me, w.enrollment);
      const enrolled = await h.act(me, 'enrollment.record', {
        ...dataOf(enrol as Card, 'enrollment.record'),
        offeringId: 'SDPS',
        agreementSignedOn: '2026-02-15',
        enrolledOn: '2026-02-16',
        locationName: 'São Paulo',
        countries: 'BR,PT',
      });
      assertSaved(enrolled, locale);
      org = (await h.org(tenantId)).doc;
      assert.equal(org.enrollments[0]?.offeringId, 'SDPS');
      assert.deepEqual(
        org.enrollments[0]?.approvedLocations.map((l) => l.country),
        ['BR', 'PT'],
      );

      // Step 3
      const [profile] = await h.say(me, w.profile);
      const updated = await h.act(me, 'profile.update', {
        ...dataOf(profile as Card, 'profile.update'),
        updatedOn: '2026-03-01',
      });
      assertSaved(updated, locale);
      assert.equal((await h.org(tenantId)).doc.businessProfile?.lastUpdatedOn, '2026-03-01');

      // Ready for step 4: "what's next" says to paste the customer's voucher email.
      const [next] = await h.say(me, w.next);
      assert.match(cardText(next), new RegExp(t(locale, 'next.voucher.intake').slice(0, 25)));
      assert.ok(!cardText(next).includes(t(locale, 'welcome.newPartner')));
    });
  });

  describe(`journey (${locale}): a voucher from the customer's email to the payment (steps 4–8)`, () => {
    let h: Harness;
    const tenantId = `tenant-voucher-${locale}`;
    const admin = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale };
    const consultant = { tenantId, userId: CONSULTANT, userName: 'Carla Dias', locale };
    before(async () => {
      h = await startHarness(new Date('2026-03-10T12:00:00Z'));
      await seedReadyOrganization(h, tenantId);
    });
    after(async () => h.stop());

    it('intake from the pasted email, reserve, deliver, report, redeem, SAVB, payment request, approved, paid', async () => {
      // Step 4: the pasted email becomes an intake card with what was found.
      const [intake] = await h.say(admin, w.email);
      assert.ok(intake);
      assert.match(cardText(intake), /SP-2026-0042/);
      assert.match(cardText(intake), new RegExp(t(locale, 'intake.fromEmail').slice(0, 20)));
      const confirm = dataOf(intake, 'intake.confirm');
      assert.equal(confirm.intakeId, 'email');
      const recorded = await h.act(admin, 'intake.confirm', {
        ...confirm,
        voucherNumber: 'SP-2026-0042',
        customerName: 'Northwind Traders',
        offeringId: 'SDPS',
        days: '5',
        voucherAdminEmail: 'maria.lopez@northwind.example',
        assignedOn: '2026-03-02',
      });
      assertSaved(recorded, locale);
      const id = 'v-SP-2026-0042';
      assert.equal((await h.voucher(id, tenantId))?.doc.state, 'Assigned');
      assert.equal((await h.voucher(id, tenantId))?.doc.source, 'email');

      // Step 5: "reserve" opens the reservation card of the one voucher waiting for it.
      const [reserveCard] = await h.say(admin, w.reserve);
      assert.ok(inputIds(reserveCard).includes('plannedStart'));
      const reserved = await h.act(admin, 'voucher.reserve', {
        ...dataOf(reserveCard as Card, 'voucher.reserve'),
        engagementId: 'sdps-sharepoint',
        deliveryCountry: 'BR',
        partnerLocationId: 'sp-br',
        plannedStart: '2026-04-06',
        plannedEnd: '2026-04-10',
        consultants: CONSULTANT,
        offsiteDays: '1',
      });
      assertSaved(reserved, locale);
      assert.equal((await h.voucher(id, tenantId))?.doc.state, 'Reserved');

      // Step 6: after the engagement, the consultant marks it delivered and submits the report.
      h.clock.now = new Date('2026-04-13T12:00:00Z');
      const [detail] = await h.act(consultant, 'voucher.show', { voucherId: id }).then((c) => [c]);
      const delivered = await h.act(
        consultant,
        'voucher.markDelivered',
        dataOf(detail as Card, 'voucher.markDelivered'),
      );
      assertSaved(delivered, locale);
      const [reportCard] = await h.say(consultant, w.report);
      assert.ok(inputIds(reportCard).includes(`assessment-${CONSULTANT}`));
      const reported = await h.act(consultant, 'report.submit', {
        ...dataOf(reportCard as Card, 'report.submit'),
        actualStart: '2026-04-06',
        actualEnd: '2026-04-10',
        daysDelivered: '5',
        deliverableType1: 'architecture',
        deliverableReference1: 'https://northwind.example/sharepoint-plan.docx',
        [`assessment-${CONSULTANT}`]: 'assessment-1',
        contactName: 'Maria Lopez',
        contactEmail: 'maria.lopez@northwind.example',
        summary: 'Farm design and migration plan handed over.',
      });
      assertSaved(reported, locale);
      assert.equal((await h.voucher(id, tenantId))?.doc.state, 'ReportSubmitted');

      // Step 7
      const [redeemCard] = await h.say(admin, w.redeem);
      const redeemed = await h.act(admin, 'voucher.redeem', dataOf(redeemCard as Card, 'voucher.redeem'));
      assertSaved(redeemed, locale);
      assert.equal((await h.voucher(id, tenantId))?.doc.redemption?.redeemedOn, '2026-04-13');

      // Step 8: the one-time SAVB registration (Global admin), then the payment request and its outcome.
      const [enrol] = await h.say(admin, w.enrollment);
      const registered = await h.act(admin, 'savb.register', dataOf(enrol as Card, 'savb.register'));
      assertSaved(registered, locale);
      const [payCard] = await h.say(admin, w.payment);
      const requested = await h.act(admin, 'payment.request', {
        ...dataOf(payCard as Card, 'payment.request'),
        savbReference: 'SAVB-889911',
        amount: w.amount,
        currency: 'BRL',
        requestedOn: '2026-04-13',
      });
      assertSaved(requested, locale);
      assert.deepEqual(
        (({ amount, currency, savbReference }) => ({ amount, currency, savbReference }))(
          (await h.voucher(id, tenantId))!.doc.paymentRequest!,
        ),
        { amount: 12500.5, currency: 'BRL', savbReference: 'SAVB-889911' },
      );
      h.clock.now = new Date('2026-04-20T12:00:00Z');
      const outcomeCard = await h.act(admin, 'payment.recordOutcome', { voucherId: id, step: 'open' });
      const approved = await h.act(admin, 'payment.recordOutcome', {
        ...dataOf(outcomeCard, 'payment.recordOutcome'),
        outcome: 'approved',
        outcomeOn: '2026-04-20',
      });
      assertSaved(approved, locale);
      const again = await h.act(admin, 'payment.recordOutcome', { voucherId: id, step: 'open' });
      const paid = await h.act(admin, 'payment.recordOutcome', {
        ...dataOf(again, 'payment.recordOutcome'),
        outcome: 'paid',
        outcomeOn: '2026-04-20',
        paidAmount: w.amount,
      });
      assertSaved(paid, locale);
      const final = (await h.voucher(id, tenantId))!.doc;
      assert.equal(final.state, 'Paid');
      assert.deepEqual(
        final.audit.map((a) => a.action),
        [
          'voucher.intake',
          'voucher.reserve',
          'voucher.markDelivered',
          'voucher.submitReport',
          'voucher.redeem',
          'voucher.requestPayment',
          'voucher.recordApproval',
          'voucher.recordPayment',
        ],
      );
      assert.match(
        cardText(paid),
        new RegExp(t(locale, 'next.voucher.closedPaid', { voucherNumber: 'SP-2026-0042' }).slice(0, 30)),
      );
    });
  });
}
