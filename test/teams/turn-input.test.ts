import { strict as assert } from 'node:assert';
import type { Activity, TurnContext } from 'botbuilder';
import { readActivity, startTurn, turnOf } from '../../bot/teams/turn-input';
import { baseActivity } from '../support/activities';

const base = (over: Record<string, unknown> = {}): Partial<Activity> => ({
  ...baseActivity({
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    userId: 'u-1',
  }),
  type: 'message',
  text: 'hello',
  ...over,
});

describe('teams: an activity read once into plain data (bot/teams/turn-input.ts)', () => {
  it('the tenant: channelData.tenant.id, else conversation.tenantId; a malformed id is no tenant', () => {
    assert.equal(readActivity(base(), 'c').tenantId, 'tenant-1');
    const fromConversation = base({
      channelData: {},
      conversation: { id: 'a:1', conversationType: 'personal', tenantId: 'tenant-2' },
    });
    assert.equal(readActivity(fromConversation, 'c').tenantId, 'tenant-2');
    const malformed = readActivity(base({ channelData: { tenant: { id: 'a tenant' } } }), 'c');
    assert.equal(malformed.tenantId, undefined);
    assert.equal(malformed.identity, undefined, 'no tenant, no person');
    assert.equal(malformed.reference, undefined, 'no tenant, no reference to keep');
  });

  it('the person: Entra object id, name, Teams user id; none without an object id', () => {
    assert.deepEqual(readActivity(base(), 'c').identity, {
      tenantId: 'tenant-1',
      userId: 'u-1',
      name: 'Ana Souza',
      teamsUserId: '29:u-1',
    });
    assert.equal(readActivity(base({ from: { id: '29:x', name: 'X' } }), 'c').identity, undefined);
  });

  it('language and time zone: the activity’s locale, else the client’s; only valid time zones', () => {
    const client = { type: 'clientInfo', locale: 'es-ES', timezone: 'Europe/Madrid' };
    const withLocale = readActivity(base({ locale: 'pt-BR', entities: [client] }), 'c');
    assert.equal(withLocale.teamsLocale, 'pt-BR');
    assert.equal(withLocale.locale, 'pt-BR');
    assert.equal(withLocale.timeZone, 'Europe/Madrid');
    const clientOnly = readActivity(base({ locale: undefined, entities: [client] }), 'c');
    assert.equal(clientOnly.teamsLocale, 'es-ES');
    assert.equal(clientOnly.locale, 'es-ES');
    const odd = readActivity(base({ entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] }), 'c');
    assert.equal(odd.timeZone, undefined);
  });

  it('a channel message: the conversation kind, the team channel, the text without the @mention', () => {
    const turn = readActivity(
      base({
        text: '<at>Companion</at> vouchers',
        entities: [{ type: 'mention', text: '<at>Companion</at>', mentioned: { id: '28:bot' } }],
        conversation: {
          id: '19:general@thread.tacv2;messageid=1',
          conversationType: 'channel',
          tenantId: 't',
        },
        channelData: {
          tenant: { id: 'tenant-1' },
          team: { id: '19:team@thread.tacv2' },
          channel: { id: '19:general@thread.tacv2', name: 'General' },
        },
      }),
      'c',
    );
    assert.equal(turn.conversation, 'channel');
    assert.deepEqual(turn.channel, {
      channelId: '19:general@thread.tacv2',
      teamId: '19:team@thread.tacv2',
      name: 'General',
    });
    assert.equal(turn.text, 'vouchers');
    assert.equal(turn.reference?.teamId, '19:team@thread.tacv2');
    assert.equal(turn.reference?.teamsChannelId, '19:general@thread.tacv2');
  });

  it('the reference draft says when the app left the conversation', () => {
    assert.equal(readActivity(base(), 'c').reference?.removed, false);
    const uninstalled = readActivity(base({ type: 'installationUpdate', action: 'remove' }), 'c');
    assert.equal(uninstalled.reference?.removed, true);
    const botLeft = readActivity(
      base({ type: 'conversationUpdate', membersRemoved: [{ id: '28:bot' }] }),
      'c',
    );
    assert.equal(botLeft.reference?.removed, true);
    const added = readActivity(base({ type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }), 'c');
    assert.equal(added.botAdded, true);
    assert.equal(added.reference?.removed, false);
  });

  it('is read once per turn, with the request’s correlation id', () => {
    const state = new Map<unknown, unknown>();
    const context = { activity: base(), turnState: state } as unknown as TurnContext;
    const first = startTurn(context, 'corr-1');
    assert.equal(turnOf(context), first);
    assert.equal(turnOf(context).correlationId, 'corr-1');
    const unstarted = { activity: base(), turnState: new Map() } as unknown as TurnContext;
    assert.equal(turnOf(unstarted).correlationId, 'unknown');
  });
});
