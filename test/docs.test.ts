// docs/architecture.md must stay true to the code: its verb table lists exactly the bot's verbs, its data model
// every container, and its Parts table every source file with exactly what each part imports. The house rules
// on file size and on where botbuilder may be imported are checked here too.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_VERBS } from '../cards';
import { CONTAINERS } from '../bot/store/cosmos';
import { importsOf, ROOT, sourceFiles, type Import } from './support/imports';

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

interface Part {
  name: string;
  paths: string[];
  dependsOn: Set<string>;
}

function partsTable(doc: string): Part[] {
  const section = doc.split('\n## Parts')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(Part|-)/.test(l));
  return rows.map((row) => {
    const [name = '', folders = '', deps = ''] = row
      .split('|')
      .slice(1)
      .map((c) => c.trim());
    const paths = [...folders.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const dependsOn = new Set(
      deps
        .split(',')
        .map((d) => d.trim().replace(/`/g, ''))
        .filter((d) => d !== '' && d !== '—'),
    );
    return { name, paths, dependsOn };
  });
}

/** The part that owns a repo-relative file or module path (the most specific listed path wins). */
function ownerOf(parts: Part[], target: string): Part | undefined {
  let best: { part: Part; length: number } | undefined;
  for (const part of parts) {
    for (const p of part.paths) {
      const hit = p.endsWith('/')
        ? target.startsWith(p) || `${target}/` === p
        : target === p || `${target}.ts` === p || target === p.replace(/\.ts$/, '');
      if (hit && (!best || p.length > best.length)) best = { part, length: p.length };
    }
  }
  return best?.part;
}

const SOURCE_DIRS = ['bot', 'cards', 'tab/src', 'manifest'];

describe('docs/architecture.md: the parts and their dependencies', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const parts = partsTable(doc);
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(d));

  it('lists parts whose paths exist', () => {
    assert.ok(parts.length >= 8, `parsed ${parts.length} parts`);
    for (const part of parts) {
      assert.ok(part.paths.length > 0, `${part.name}: no folder`);
      for (const p of part.paths)
        assert.ok(existsSync(path.join(ROOT, p)), `${part.name}: ${p} does not exist`);
    }
  });

  it('gives every source file a part', () => {
    const orphans = files.filter((f) => !ownerOf(parts, f));
    assert.deepEqual(orphans, []);
  });

  it("names exactly what each part's files import", () => {
    const names = new Set(parts.map((p) => p.name));
    for (const part of parts) {
      const actual = new Set<string>();
      for (const file of files.filter((f) => ownerOf(parts, f) === part)) {
        for (const imp of importsOf(file)) {
          const dep = dependencyName(parts, imp);
          if (dep && dep !== part.name) actual.add(dep);
        }
      }
      for (const listed of part.dependsOn) {
        if (!listed.includes('/') && !listed.includes('-') && /^[A-Z]/.test(listed))
          assert.ok(names.has(listed), `${part.name}: "${listed}" is not a part`);
      }
      assert.deepEqual([...actual].sort(), [...part.dependsOn].sort(), `${part.name}: Depends on`);
    }
  });
});

function dependencyName(parts: Part[], imp: Import): string | undefined {
  if (imp.kind === 'package') return imp.name;
  return ownerOf(parts, imp.path)?.name ?? `(outside the parts: ${imp.path})`;
}

describe('house rules', () => {
  it('keeps every source file under 500 lines', () => {
    const long = SOURCE_DIRS.flatMap((d) => sourceFiles(d))
      .map((f) => ({ f, lines: readFileSync(path.join(ROOT, f), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500)
      .map(({ f, lines }) => `${f}: ${lines}`);
    assert.deepEqual(long, []);
  });

  it('imports botbuilder only at the Teams edge, in the proactive sender and in the composition root', () => {
    const allowed = (f: string) =>
      f.startsWith('bot/teams/') || f === 'bot/reminders/proactive-post.ts' || f === 'bot/app.ts';
    const outside = sourceFiles('bot')
      .filter((f) => importsOf(f).some((i) => i.kind === 'package' && i.name.startsWith('botbuilder')))
      .filter((f) => !allowed(f));
    assert.deepEqual(outside, []);
  });
});
