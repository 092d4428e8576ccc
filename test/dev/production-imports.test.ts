// bot/dev/ (the demo seed) is for `npm start` only: nothing reachable from the production entry point imports it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** The file a relative specifier names: `x.ts`, `x/index.ts`, or the file itself (JSON and the like). */
function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => existsSync(f));
}

/** Every repository file reachable from `entry` through relative imports (static, dynamic and type-only). */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [path.join(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveRelative(file, fileName);
      assert.ok(target, `${path.relative(ROOT, file)} imports ${fileName}, which does not resolve`);
      pending.push(target);
    }
  }
  return new Set([...seen].map((f) => path.relative(ROOT, f).split(path.sep).join('/')));
}

describe('development-only code stays out of production', () => {
  it('bot/main.ts reaches the API and the bot but nothing under bot/dev/', () => {
    const graph = importGraph('bot/main.ts');
    assert.ok(graph.has('bot/app.ts') && graph.has('bot/api/index.ts'), 'the walk follows the app');
    assert.deepEqual(
      [...graph].filter((f) => f.startsWith('bot/dev/')),
      [],
    );
  });

  it('npm start (scripts/dev.ts) does load the demo seed', () => {
    assert.ok(importGraph('scripts/dev.ts').has('bot/dev/seed.ts'));
  });
});
