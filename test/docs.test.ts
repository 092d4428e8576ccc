// docs/architecture.md must stay true to the code: its verb table lists exactly the bot's verbs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_VERBS } from '../cards';
import { CONTAINERS } from '../bot/store/cosmos';

describe('docs/architecture.md', () => {
  const doc = readFileSync(path.join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');

  it('the verb table lists exactly the verbs the bot answers', () => {
    const section = doc.split('## The verb table')[1]?.split('\n## ')[0] ?? '';
    const listed = [...section.matchAll(/^\| `([a-zA-Z]+\.[a-zA-Z]+)` *\|/gm)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), [...CARD_VERBS].sort());
  });

  it('the data model names every container the store creates', () => {
    for (const name of Object.values(CONTAINERS)) assert.match(doc, new RegExp(`\\| \`${name}\` *\\|`));
  });
});
