// Message action "Add as voucher" over the real protocol: composeExtension/fetchTask opens the intake card in
// a dialog filled from the message; composeExtension/submitAction records it through intake.confirm.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  actionsOf,
  cardText,
  fieldError,
  inputIds,
  noticeOf,
  startHarness,
  type Harness,
} from '../conversation/harness';
import { ADMIN, MEMBER, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import { dialogCardOf, extensionInvoke, inputValues, messagePayload, submitData } from './support';

const EMAIL = `<html><head><style>p { color: red }</style></head><body>
<div>Hi Pedro,</div><p>Please find our voucher below.</p>
<table><tr><td><table><tr><td><b>Voucher number</b></td><td>FAB-2026-0042</td></tr></table></td></tr>
<tr><td>Customer</td><td>Fabrikam Ltd</td></tr>
<tr><td>Offering</td><td>SharePoint Deployment Planning Services (SDPS)</td></tr>
<tr><td>Days</td><td>5</td></tr>
<tr><td>Voucher administrator</td><td>pm@fabrikam.example</td></tr>
<tr><td>Expires</td><td>12/31/2026</td></tr></table>
<p>Thanks,<br>Maria</p></body></html>`;

const PT_HTML = readFileSync(
  path.join(__dirname, '..', 'program', 'intake', 'fixtures', 'pt-html.txt'),
  'utf8',
);

const FETCH = 'composeExtension/fetchTask';
const SUBMIT = 'composeExtension/submitAction';

describe('message action "Add as voucher" (composeExtension/fetchTask, submitAction)', function () {
  let h: Harness;
  let seq = 0;
  let tenantId: string;
  const as = (userId: string, extra: Record<string, string> = {}) => ({
    tenantId,
    userId,
    conversationType: 'groupChat' as const,
    conversationId: `19:chat-${tenantId}`,
    ...extra,
  });
  const fetch = (userId: string, content: string, extra: Record<string, string> = {}) =>
    extensionInvoke(h, as(userId, extra), FETCH, {
      commandId: 'addVoucher',
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: messagePayload(content),
    });
  const submit = (userId: string, data: Record<string, unknown>, commandId = 'addVoucher') =>
    extensionInvoke(h, as(userId), SUBMIT, { commandId, commandContext: 'message', data });
  const snapshot = async (t = tenantId) =>
    JSON.stringify({
      org: await h.repos.organizations.get(t),
      vouchers: (await h.repos.vouchers.list(t)).map((v) => [v.etag, v.doc]),
    });
  /** What Teams sends back when the person presses the dialog's button without changing anything. */
  const asSubmitted = (card: unknown, changes: Record<string, string> = {}) => ({
    ...inputValues(card),
    ...submitData(card),
    ...changes,
  });

  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'), { bodyLimitBytes: 4_000_000 });
  });
  after(() => h.stop());
  beforeEach(async () => {
    tenantId = `ext-ma-${++seq}`;
    await seedReadyOrganization(h, tenantId);
  });

  it('opens the intake card in a dialog, filled from an HTML email with nested tables; Action.Submit, no refresh', async () => {
    const answer = await fetch(PARTNER_ADMIN, EMAIL);
    assert.equal(answer.status, 200);
    const card = dialogCardOf(answer);
    assert.ok(card, JSON.stringify(answer.body).slice(0, 300));
    assert.equal((answer.body.task?.value as { title: string }).title, 'Add as voucher');
    const values = inputValues(card);
    assert.equal(values.voucherNumber, 'FAB-2026-0042');
    assert.equal(values.customerName, 'Fabrikam Ltd');
    assert.equal(values.offeringId, 'SDPS');
    assert.equal(values.days, '5');
    assert.equal(values.voucherAdminEmail, 'pm@fabrikam.example');
    assert.equal(values.expiresOn, '2026-12-31');
    assert.match(cardText(card), /Found in the email/);
    assert.equal(actionsOf(card).length, 0, 'a dialog card has no Action.Execute');
    assert.equal(card.refresh, undefined);
    assert.deepEqual(submitData(card), { step: 'submit', intakeId: 'email', verb: 'intake.confirm' });
  });

  it('reads a message in another language than the user`s, and answers in the user`s', async () => {
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, PT_HTML, { locale: 'es-ES' }));
    assert.ok(card);
    assert.equal(inputValues(card).voucherNumber, 'CP-8841-XZ');
    assert.equal(inputValues(card).customerName, 'Wingtip Indústria S.A.');
    assert.match(cardText(card), /Confirmar vale/);
  });

  it('drops scripts and styles (even unclosed ones) and reads a 1 MB message only up to the parser`s limit', async () => {
    const scripted = EMAIL.replace(
      '<p>Thanks',
      '<script>document.write("Voucher number: EVIL-0001")</script><p>Thanks',
    );
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, `${scripted}${'<script '.repeat(20_000)}`));
    assert.ok(card);
    assert.equal(inputValues(card).voucherNumber, 'FAB-2026-0042');
    assert.doesNotMatch(cardText(card), /EVIL/);

    const huge = `${EMAIL}${'<div><table><tr><td>filler text</td></tr></table></div>'.repeat(20_000)}`;
    assert.ok(huge.length > 1_000_000);
    const big = dialogCardOf(await fetch(PARTNER_ADMIN, huge));
    assert.ok(big);
    assert.equal(inputValues(big).voucherNumber, 'FAB-2026-0042');
    assert.match(noticeOf(big) ?? '', /only its first 20000 characters|first 20,000 characters/);
  });

  it('a message without a voucher opens the empty card saying so', async () => {
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, '<p>Lunch at noon? 🍕</p>'));
    assert.ok(card);
    // The chat's own wording for a paste without a voucher (the intake card's intro).
    assert.match(cardText(card), /I found no voucher in that message/);
    const values = inputValues(card);
    for (const id of ['voucherNumber', 'customerName', 'voucherAdminEmail']) assert.equal(values[id], '', id);
  });

  it('records the voucher through intake.confirm and answers the voucher card to post (Action.Execute + refresh)', async () => {
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, EMAIL));
    const answer = await submit(PARTNER_ADMIN, asSubmitted(card, { assignedOn: '2026-03-09' }));
    assert.equal(answer.status, 200);
    const result = answer.body.composeExtension;
    assert.equal(result?.type, 'result', JSON.stringify(answer.body).slice(0, 400));
    assert.equal(result?.attachmentLayout, 'list');
    const posted = result?.attachments?.[0]?.content;
    assert.ok(posted);
    assert.match(cardText(posted), /FAB-2026-0042/);
    assert.equal(noticeOf(posted), undefined, 'the "Saved" banner is for the recorder, not the conversation');
    assert.ok(posted.refresh, 'the posted card refreshes for whoever opens it');
    assert.ok(actionsOf(posted).length > 0);
    const stored = await h.voucher('v-FAB-2026-0042', tenantId);
    assert.equal(stored?.doc.state, 'Assigned');
    assert.equal(stored?.doc.source, 'email');
    assert.equal(stored?.doc.intakeBy, PARTNER_ADMIN);
  });

  it('input errors and refusals come back in the same dialog next to the fields, and change nothing', async () => {
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, EMAIL));
    const before = await snapshot();
    const bad = await submit(PARTNER_ADMIN, asSubmitted(card, { days: 'five', assignedOn: '2026-03-09' }));
    const again = dialogCardOf(bad);
    assert.ok(again, JSON.stringify(bad.body).slice(0, 300));
    assert.ok(fieldError(again, 'days'));
    assert.equal(inputValues(again).customerName, 'Fabrikam Ltd', 'what was typed is kept');
    assert.equal(actionsOf(again).length, 0);

    const late = await submit(
      PARTNER_ADMIN,
      asSubmitted(card, { expiresOn: '2026-03-01', assignedOn: '2026-03-09' }),
    );
    assert.match(fieldError(dialogCardOf(late), 'expiresOn') ?? '', /expir/i);
    assert.equal(await snapshot(), before);
  });

  it('the same voucher submitted twice (a stale dialog): the second is refused by the voucher ID', async () => {
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, EMAIL));
    const data = asSubmitted(card, { assignedOn: '2026-03-09' });
    assert.equal((await submit(PARTNER_ADMIN, data)).body.composeExtension?.type, 'result');
    const before = await snapshot();
    const second = dialogCardOf(await submit(PARTNER_ADMIN, data));
    assert.ok(second);
    assert.match(fieldError(second, 'voucherNumber') ?? noticeOf(second) ?? '', /already/i);
    assert.equal(await snapshot(), before);
  });

  it('a Member cannot record a voucher: refused in the dialog, nothing stored', async () => {
    const card = dialogCardOf(await fetch(MEMBER, EMAIL));
    assert.ok(card);
    const before = await snapshot();
    const answer = await submit(MEMBER, asSubmitted(card, { assignedOn: '2026-03-09' }));
    const refused = dialogCardOf(answer);
    assert.ok(refused, JSON.stringify(answer.body).slice(0, 300));
    assert.match(noticeOf(refused) ?? '', /could not be done/);
    assert.equal(await snapshot(), before);
  });

  it('forged data (another tenant, another verb) runs only intake.confirm in the caller`s tenant', async () => {
    const other = `ext-ma-other-${++seq}`;
    await seedReadyOrganization(h, other);
    await seedVoucher(h, other, 'v-OTHER-1', 'Assigned');
    const otherBefore = await snapshot(other);
    const card = dialogCardOf(await fetch(PARTNER_ADMIN, EMAIL));
    const before = await snapshot();
    // A forged role change: the data names another verb and people, and another tenant.
    const forged = await submit(PARTNER_ADMIN, {
      verb: 'people.assignRole',
      tenantId: other,
      userId: PARTNER_ADMIN,
      role: 'globalAdmin',
      etag: 'x',
    });
    const forgedCard = dialogCardOf(forged);
    assert.ok(forgedCard, 'answered with a dialog');
    assert.ok(
      inputIds(forgedCard).includes('voucherNumber'),
      'the intake card, with its errors: no other verb ran',
    );
    assert.ok(fieldError(forgedCard, 'voucherNumber'));
    assert.equal(await snapshot(), before);
    const recorded = await submit(PARTNER_ADMIN, {
      ...asSubmitted(card, { assignedOn: '2026-03-09' }),
      tenantId: other,
    });
    assert.equal(recorded.body.composeExtension?.type, 'result');
    assert.ok(await h.voucher('v-FAB-2026-0042', tenantId));
    assert.equal(await snapshot(other), otherBefore, 'the other tenant is untouched');
  });

  it('an unknown commandId gets a clear message, on fetch and on submit', async () => {
    const fetchAnswer = await extensionInvoke(h, as(ADMIN), FETCH, {
      commandId: 'doSomethingElse',
      commandContext: 'message',
      messagePayload: messagePayload(EMAIL),
    });
    assert.deepEqual(fetchAnswer.body.task, {
      type: 'message',
      value: 'This app does not know that command. Update the app in Teams, or ask the bot "help" in a chat.',
    });
    const before = await snapshot();
    const submitAnswer = await submit(ADMIN, { voucherNumber: 'X-1234' }, 'nope');
    assert.equal(submitAnswer.body.task?.type, 'message');
    assert.equal(await snapshot(), before);
  });
});
