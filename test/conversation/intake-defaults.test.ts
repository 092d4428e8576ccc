// Issue 14 item 2 over /api/messages: a pasted email's form marks "Assigned on" as a default, a message with no
// voucher gets "I found no voucher in that message" and the empty form, and a paste whose line breaks were
// lost (the Agents Playground) is still read field by field.
import { strict as assert } from 'node:assert';
import { t, type Locale } from '../../bot/i18n';
import { PARTNER_ADMIN, seedReadyOrganization } from './fixtures';
import { cardText, inputIds, startHarness, type Harness } from './harness';

// A pasted email whose body was mangled on the way (encoded words, no fields): only its headers are readable.
const GARBLED = [
  'From: Ana Souza <ana.souza@contoso.com>',
  'Sent: Monday, March 9, 2026 10:14 AM',
  'To: joao.lima@fabrikam.com',
  'Subject: =?utf-8?B?RW5jOiB2b3VjaGVy?=',
  '',
  '=E2=80=99 =C3=A9 ?? =3D=3D =?iso-8859-1?Q?=E9t=E9?= l0r3m 1psum =20 =20',
].join('\n');
const GLUED =
  'Voucher ID: PS7Q-4K2M-19XD Customer: Contoso Ltd Offering: SharePoint Days: 3 Expires: 2026-12-31';

function valueOf(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o['id'] === id) found = o['value'];
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('intake from a pasted email: defaults, nothing found, glued lines', () => {
  let h: Harness;
  let seq = 0;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  const who = async (locale: Locale) => {
    const tenantId = `t-intake-${++seq}`;
    await seedReadyOrganization(h, tenantId);
    return { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale };
  };

  for (const locale of ['en', 'pt-BR', 'es-ES'] as Locale[]) {
    it(`${locale}: a garbled message → "I found no voucher in that message" and the empty form`, async () => {
      const [card] = await h.say(await who(locale), GARBLED);
      const text = cardText(card);
      assert.ok(text.includes(t(locale, 'intake.noVoucherFound')), text);
      assert.ok(!text.includes(t(locale, 'intake.found')), 'nothing is marked found');
      assert.ok(inputIds(card).includes('voucherNumber'), 'the form is offered');
      assert.equal(valueOf(card, 'voucherNumber'), '');
    });

    it(`${locale}: a one-line paste (line breaks lost) fills each field; "Assigned on" is marked a default`, async () => {
      const [card] = await h.say(await who(locale), GLUED);
      const text = cardText(card);
      assert.equal(valueOf(card, 'voucherNumber'), 'PS7Q-4K2M-19XD');
      assert.equal(valueOf(card, 'customerName'), 'Contoso Ltd');
      assert.equal(valueOf(card, 'offeringId'), 'SDPS');
      assert.equal(valueOf(card, 'expiresOn'), '2026-12-31');
      assert.equal(valueOf(card, 'assignedOn'), '2026-03-10');
      assert.ok(text.includes(t(locale, 'intake.default')), 'the default is marked as a default');
      assert.equal(text.split(t(locale, 'intake.found')).length - 1, 5, 'five fields found, not six');
    });
  }
});
