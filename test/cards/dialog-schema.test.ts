// toDialogCard: every chat card scenario becomes a valid dialog card — Action.Execute → Action.Submit carrying
// the verb in data, no refresh — and the chat card given is left as it was.
import { strict as assert } from 'node:assert';
import { toDialogCard } from '../../cards';
import { SCENARIOS } from './fixtures';
import { executeActions, schemaErrors } from './validate';

describe('cards: toDialogCard', () => {
  for (const scenario of SCENARIOS.slice(0, 40)) {
    it(`${scenario.name}: Action.Submit with the verb, no refresh, valid 1.5`, () => {
      const chat = scenario.build('en');
      const before = JSON.stringify(chat);
      const dialog = toDialogCard(chat);
      assert.equal(JSON.stringify(chat), before, 'the chat card is not changed');
      assert.equal(dialog.refresh, undefined);
      assert.deepEqual(executeActions(dialog), []);
      const submits: Record<string, unknown>[] = [];
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          const o = x as Record<string, unknown>;
          if (o.type === 'Action.Submit') submits.push(o);
          Object.values(o).forEach(walk);
        }
      };
      walk(dialog);
      const chatActions = executeActions({ ...chat, refresh: undefined });
      assert.deepEqual(
        submits.map((s) => (s.data as { verb: string }).verb),
        chatActions.map((a) => a.verb),
      );
      submits.forEach((s, i) => {
        const { verb: _verb, ...data } = s.data as Record<string, unknown>;
        assert.deepEqual(data, chatActions[i]!.data ?? {});
        assert.equal('verb' in s, false);
      });
      assert.deepEqual(schemaErrors(dialog), []);
    });
  }
});
