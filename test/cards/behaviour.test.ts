import assert from 'node:assert/strict';
import { NEXT_ACTION_IDS } from '../../bot/program';
import {
  CARD_VERBS,
  NEXT_ACTION_TARGETS,
  buildCompletionReportCard,
  buildEligibilityCard,
  buildIntakeCard,
  buildNoticeCard,
  buildPeopleCard,
  MAX_PEOPLE_ROWS,
  MAX_PICKER_PEOPLE,
  buildReminderCard,
  buildVoucherDetailCard,
  buildVoucherListCard,
  buildWelcomeCard,
  buildSettingsCard,
  AUTOMATIC_LOCALE,
  refusalNotice,
  staleNotice,
  type AdaptiveCard,
  type CardElement,
  NOT_SET,
} from '../../cards';
import { executeActions, inputs } from './validate';

const voucher = {
  voucherNumber: 'AB-1234',
  customerName: 'Contoso',
  offeringName: 'DDPS',
  days: 5,
  state: 'Assigned',
};

/** Flatten every element (body, containers, columns, ShowCards) in document order. */
function elements(node: unknown, out: CardElement[] = []): CardElement[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (node && typeof node === 'object') {
    const o = node as CardElement;
    if (typeof o['type'] === 'string') out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'type') elements(v, out);
  }
  return out;
}

function texts(card: AdaptiveCard): string[] {
  return elements(card)
    .filter((e) => e['type'] === 'TextBlock')
    .map((e) => String(e['text']));
}

describe('cards: behaviour', () => {
  describe('shared options', () => {
    const intake = (options: Parameters<typeof buildIntakeCard>[2]) =>
      buildIntakeCard(
        { source: 'manual', fields: {}, offeringChoices: [], maxDays: 15, today: '2024-05-20' },
        'en',
        options,
      );

    it('puts a server-side error right after its field and unknown fields into the banner', () => {
      const card = intake({
        errors: { voucherAdminEmail: 'Not an email we can use.', nowhere: 'A problem with no field.' },
      });
      const all = elements(card);
      const at = all.findIndex((e) => e['id'] === 'voucherAdminEmail');
      assert.equal(all[at + 1]?.['id'], 'voucherAdminEmail-error');
      assert.equal(all[at + 1]?.['text'], 'Not an email we can use.');
      assert.equal(card.body[0]?.['id'], 'notice');
      assert.ok(texts(card).includes('• A problem with no field.'));
    });

    it('carries a notice banner on top, styled by tone', () => {
      const card = intake({ notice: staleNotice('pt-BR') });
      assert.equal(card.body[0]?.['style'], 'warning');
      assert.match(texts(card)[0] ?? '', /mudou desde que você abriu/);
    });

    it('adds a refresh block only when asked, with the given users', () => {
      assert.equal(intake(undefined).refresh, undefined);
      const card = intake({ refresh: { userIds: ['u1', 'u2'], verb: 'nav.intake', data: {} } });
      assert.deepEqual(card.refresh, {
        action: { type: 'Action.Execute', verb: 'nav.intake', data: {} },
        userIds: ['u1', 'u2'],
      });
    });

    it('words every refusal of a failed command in the banner', () => {
      const card = buildNoticeCard(
        refusalNotice('es-ES', [
          { rule: 'voucher.expired', params: { expiresOn: '2024-01-31' } },
          { rule: 'reservation.consultantRequired', params: {} },
        ]),
        'es-ES',
      );
      assert.deepEqual(texts(card), [
        'No se ha podido hacer',
        '• El vale caducó el 31 ene 2024.',
        '• Elige al menos un consultor.',
      ]);
    });
  });

  describe('voucher intake', () => {
    it('marks each field found or not found in the email and keeps every field editable', () => {
      const card = buildIntakeCard(
        {
          intakeId: 'i-1',
          source: 'email',
          fields: { voucherNumber: 'AB-1234', days: 5 },
          offeringChoices: [{ title: 'DDPS', value: 'DDPS' }],
          maxDays: 15,
          today: '2024-05-20',
        },
        'en',
      );
      const t = texts(card);
      assert.equal(t.filter((x) => x === 'Found in the email').length, 2);
      assert.equal(t.filter((x) => x === 'Not found – please enter it').length, 4); // the optional expiry is not "missing"
      assert.deepEqual(
        inputs(card).map((i) => i['id']),
        [
          'voucherNumber',
          'customerName',
          'offeringId',
          'days',
          'voucherAdminEmail',
          'assignedOn',
          'expiresOn',
        ],
      );
      assert.equal(inputs(card).find((i) => i['id'] === 'voucherNumber')?.['value'], 'AB-1234');
      const [confirm] = executeActions(card);
      assert.deepEqual(confirm?.data, { step: 'submit', intakeId: 'i-1' });
    });

    it('shows no found/not-found markers on a typed form', () => {
      const card = buildIntakeCard(
        { source: 'manual', fields: {}, offeringChoices: [], maxDays: 15, today: '2024-05-20' },
        'en',
      );
      assert.ok(!texts(card).some((x) => /Found in|Not found/.test(x)));
    });
  });

  describe('voucher list paging', () => {
    const list = (page: number) =>
      buildVoucherListCard({ page, pageSize: 10, total: 25, items: [], states: ['Assigned'] }, 'en');
    const pages = (card: AdaptiveCard) =>
      executeActions(card)
        .filter((a) => a.verb === 'voucher.list')
        .map((a) => (a.data as { page: number }).page);

    it('offers next but not previous on the first page, both in the middle, previous only on the last', () => {
      assert.deepEqual(pages(list(1)), [2, 1]);
      assert.deepEqual(pages(list(2)), [1, 3, 1]);
      assert.deepEqual(pages(list(3)), [2, 1]);
    });

    it('clamps a page beyond the end to the last page', () => {
      assert.match(texts(list(9)).join(' '), /Page 3 of 3/);
    });
  });

  describe('voucher detail', () => {
    const timeline = Array.from({ length: 20 }, (_, i) => ({
      at: `2024-05-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
      by: 'u1',
      byName: 'Ana',
      action: 'voucher.reserve',
    }));
    const card = buildVoucherDetailCard(
      {
        voucherId: 'v-1',
        etag: 'e-1',
        voucher: {
          ...voucher,
          stateSince: '2024-05-01T10:00:00Z',
          assignedOn: '2024-05-01',
          voucherAdminEmail: 'pm@contoso.com',
        },
        actions: ['reserve', 'markDelivered'],
        timeline,
      },
      'en',
      { timeZone: 'UTC' },
    );

    it('shows the newest history first, capped, and says how many older entries are hidden', () => {
      const t = texts(card);
      const first = t.findIndex((x) => x.startsWith('May 20, 2024'));
      const second = t.findIndex((x) => x.startsWith('May 19, 2024'));
      assert.ok(first >= 0 && first < second);
      assert.ok(!t.some((x) => x.startsWith('May 5, 2024')));
      assert.ok(t.includes('5 earlier entries not shown'));
    });

    it('opens forms with ids only and applies "mark delivered" with the ETag it was rendered from', () => {
      const actions = executeActions(card);
      assert.deepEqual(actions.find((a) => a.verb === 'voucher.reserve')?.data, {
        voucherId: 'v-1',
        step: 'open',
      });
      assert.deepEqual(actions.find((a) => a.verb === 'voucher.markDelivered')?.data, {
        voucherId: 'v-1',
        etag: 'e-1',
        step: 'submit',
      });
      assert.equal(
        actions.find((a) => a.verb === 'voucher.redeem'),
        undefined,
        'only the actions the server allowed',
      );
    });

    it('offers the Partner Center expiry as a date with its own submit only when the server allows it', () => {
      const detail = (actions: ('setExpiry' | 'reserve')[]) =>
        buildVoucherDetailCard(
          {
            voucherId: 'v-1',
            etag: 'e-1',
            voucher: {
              ...voucher,
              state: 'Expired',
              stateSince: '2024-05-01T10:00:00Z',
              assignedOn: '2024-05-01',
              voucherAdminEmail: 'pm@contoso.com',
            },
            actions,
            expiresOn: '2024-10-28',
            timeline: [],
          },
          'en',
        );
      const form = detail(['setExpiry']);
      const input = elements(form).find((e) => e['id'] === 'expiresOn');
      assert.deepEqual(
        { type: input?.['type'], value: input?.['value'] },
        { type: 'Input.Date', value: '2024-10-28' },
      );
      const submit = executeActions(form).find((a) => a.verb === 'voucher.setExpiry');
      assert.deepEqual(submit?.data, { voucherId: 'v-1', etag: 'e-1', step: 'submit' });
      const raw = elements(form).find(
        (e) => e['type'] === 'Action.Execute' && e['verb'] === 'voucher.setExpiry',
      );
      assert.equal(raw?.['associatedInputs'], 'auto');
      assert.equal(
        elements(detail(['reserve'])).find((e) => e['id'] === 'expiresOn'),
        undefined,
      );
    });

    it('refreshes itself with voucher.show by default', () => {
      const shared = buildVoucherDetailCard(
        {
          voucherId: 'v-1',
          etag: 'e-1',
          voucher: {
            ...voucher,
            stateSince: '2024-05-01T10:00:00Z',
            assignedOn: '2024-05-01',
            voucherAdminEmail: 'pm@contoso.com',
          },
          actions: [],
          timeline: [],
        },
        'en',
        { refresh: { userIds: ['u1'] } },
      );
      assert.deepEqual(shared.refresh?.action, {
        type: 'Action.Execute',
        verb: 'voucher.show',
        data: { voucherId: 'v-1' },
      });
    });
  });

  describe('role-specific views', () => {
    it('a Member sees the eligibility checklist without any form', () => {
      const card = buildEligibilityCard(
        {
          etag: 'e',
          today: '2024-05-20',
          competencies: [],
          offerings: [],
          competencyChoices: ['Messaging'],
          canEdit: false,
          canRecordAssessment: false,
        },
        'en',
      );
      assert.deepEqual(inputs(card), []);
      assert.deepEqual(executeActions(card), []);
    });

    it('a consultant sees only the assessment form', () => {
      const card = buildEligibilityCard(
        {
          etag: 'e',
          today: '2024-05-20',
          competencies: [],
          offerings: [],
          competencyChoices: ['Messaging'],
          canEdit: false,
          canRecordAssessment: true,
        },
        'en',
      );
      assert.deepEqual(
        executeActions(card).map((a) => a.data),
        [{ etag: 'e', step: 'assessment' }],
      );
    });
  });

  describe('people and roles', () => {
    it('lists role holders first, caps rows and picker for big tenants, and says how many are hidden', () => {
      const people = Array.from({ length: 300 }, (_, i) => ({
        userId: `u${i}`,
        name: `Person ${String(i).padStart(3, '0')}`,
        roles: i === 299 ? ['globalAdmin'] : [],
      }));
      const card = buildPeopleCard({ etag: 'e', people, canAssign: true, hasGlobalAdmin: true }, 'en');
      const names = texts(card).filter((x) => x.startsWith('Person '));
      assert.equal(names.length, MAX_PEOPLE_ROWS);
      assert.equal(names[0], 'Person 299');
      assert.ok(texts(card).includes(`and ${300 - MAX_PEOPLE_ROWS} more people`));
      const picker = inputs(card).find((i) => i['id'] === 'userId');
      assert.equal((picker?.['choices'] as unknown[]).length, MAX_PICKER_PEOPLE);
    });
  });

  describe('completion report', () => {
    it('asks each consultant for their qualifying assessment and warns when none is recorded', () => {
      const card = buildCompletionReportCard(
        {
          voucherId: 'v-1',
          etag: 'e-1',
          today: '2024-05-20',
          voucher,
          consultants: [
            { userId: 'u1', name: 'Ana', qualifyingAssessments: [{ assessmentId: 'a1', name: 'MD-102' }] },
            { userId: 'u2', name: 'Bo', qualifyingAssessments: [] },
          ],
        },
        'en',
      );
      const pickers = inputs(card).filter((i) => String(i['id']).startsWith('assessment-'));
      assert.deepEqual(
        pickers.map((p) => [p['id'], p['value']]),
        [
          ['assessment-u1', 'a1'],
          ['assessment-u2', NOT_SET],
        ],
      );
      assert.ok(texts(card).includes('Bo has no qualifying assessment recorded.'));
      const required = inputs(card)
        .filter((i) => String(i['id']).startsWith('deliverable'))
        .map((i) => i['isRequired']);
      assert.deepEqual(required, [true, true, false, false, false, false]);
    });
  });

  describe('reminders', () => {
    const reminder = (kind: string) =>
      buildReminderCard(
        {
          reminderId: `${kind}:v-1:2024-06-01:-7`,
          kind,
          dueDate: '2024-06-01',
          today: '2024-05-25',
          subject: { voucherId: 'v-1', voucherNumber: 'AB-1234', customerName: 'Contoso' },
        },
        'en',
      );

    it('a task reminder resolves, snoozes and completes by its ledger id', () => {
      const actions = executeActions(reminder('voucherReserve'));
      assert.deepEqual(
        actions.map((a) => [a.verb, a.data]),
        [
          ['voucher.reserve', { voucherId: 'v-1', step: 'open' }],
          ['reminder.snooze', { reminderId: 'voucherReserve:v-1:2024-06-01:-7' }],
          ['reminder.done', { reminderId: 'voucherReserve:v-1:2024-06-01:-7' }],
        ],
      );
      assert.ok(texts(reminder('voucherReserve')).includes('Due Jun 1, 2024 (in 7 days)'));
    });

    it('payment news has no snooze and no due date', () => {
      const card = reminder('paymentDenied');
      assert.deepEqual(
        executeActions(card).map((a) => a.verb),
        ['voucher.show'],
      );
      assert.ok(!texts(card).some((x) => x.startsWith('Due')));
    });
  });

  describe("what's next", () => {
    it('every NextActionId of the program leads to a card verb', () => {
      for (const id of NEXT_ACTION_IDS) {
        const target = NEXT_ACTION_TARGETS[id];
        assert.ok(target, id);
        assert.ok((CARD_VERBS as readonly string[]).includes(target.verb), `${id} → ${target.verb}`);
      }
    });

    it('words each action, links it with ids only, and skips ids it does not know', () => {
      const card = buildWelcomeCard(
        {
          partner: 'existing',
          setup: { eligibility: 'Met', enrollment: 'Met', profile: 'Met' },
          today: '2024-05-20',
          nextActions: [
            {
              id: 'voucher.redeem',
              params: { voucherId: 'v-9', voucherNumber: 'ZX-9999', offeringId: 'DDPS' },
              dueDate: '2024-05-10',
              overdue: true,
            },
            { id: 'something.fromTheFuture', params: {} },
          ],
        },
        'pt-BR',
      );
      assert.ok(texts(card).includes('Resgate o voucher ZX-9999 no Partner Center.'));
      assert.ok(texts(card).includes('Atrasado desde 10 de mai. de 2024'));
      const redeem = executeActions(card).find((a) => a.verb === 'voucher.redeem');
      assert.deepEqual(redeem?.data, { voucherId: 'v-9', step: 'open' });
    });
  });

  describe('language pickers (welcome and settings)', () => {
    const welcome = (language?: Parameters<typeof buildWelcomeCard>[0]['language']) =>
      buildWelcomeCard(
        {
          partner: 'existing',
          setup: { eligibility: 'Met', enrollment: 'Met', profile: 'Met' },
          today: '2024-05-20',
          nextActions: [],
          firstRun: true,
          ...(language ? { language } : {}),
        },
        'en',
      );
    const picker = (card: AdaptiveCard) => inputs(card).find((i) => i['id'] === 'locale');
    const values = (input: Record<string, unknown> | undefined) =>
      ((input?.['choices'] as { value: string }[] | undefined) ?? []).map((c) => c.value);

    it('the welcome card offers the language with the current choice selected, and saves it with the ETag', () => {
      const automatic = picker(welcome({ etag: 'etag-1', settingsEtag: '3', detectedLocale: 'pt-BR' }));
      assert.equal(automatic?.['type'], 'Input.ChoiceSet');
      assert.equal(automatic?.['value'], AUTOMATIC_LOCALE);
      assert.deepEqual(values(automatic), [AUTOMATIC_LOCALE, 'en', 'pt-BR', 'es-ES']);
      assert.match(
        String((automatic?.['choices'] as { title: string }[])[0]?.title),
        /Automatic \(Português \(Brasil\)\)/,
      );

      const card = welcome({
        etag: 'etag-1',
        settingsEtag: '3',
        localeOverride: 'es-ES',
        detectedLocale: 'en',
      });
      assert.equal(picker(card)?.['value'], 'es-ES');
      const save = executeActions(card).find((a) => a.verb === 'settings.save');
      assert.deepEqual(save?.data, { etag: 'etag-1', settingsEtag: '3', step: 'submit' });
    });

    it('the selected value is never empty: renderers show a blank dropdown for an empty value', () => {
      for (const card of [
        welcome({ etag: 'e', settingsEtag: '0', detectedLocale: 'en' }),
        buildSettingsCard(
          { etag: 'e', settingsEtag: '0', detectedLocale: 'en', canEditOrganization: false, channels: [] },
          'en',
        ),
      ]) {
        const input = picker(card);
        assert.notEqual(input?.['value'], '');
        assert.ok(values(input).includes(String(input?.['value'])), 'the value is one of the choices');
        assert.ok(!values(input).includes(''), 'no choice has an empty value');
      }
    });

    it('without a language view the welcome card has no picker and no save', () => {
      const card = welcome();
      assert.equal(picker(card), undefined);
      assert.equal(
        executeActions(card).some((a) => a.verb === 'settings.save'),
        false,
      );
    });
  });
});
