// The project's import graph, read with the TypeScript compiler's own pre-processor (static imports, `export …
// from`, dynamic `import()` and `require()`), so the docs tests can hold docs/architecture.md to the real code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.join(__dirname, '..', '..');

/** Every .ts file below `dir` (relative to the repo root), as repo-relative paths with forward slashes. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(ROOT, rel))) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(ROOT, child)).isDirectory()) {
        if (name !== 'node_modules' && name !== 'dist' && name !== 'build') walk(child);
      } else if (name.endsWith('.ts')) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

export type Import = { kind: 'package'; name: string } | { kind: 'file'; path: string };

/** What one file imports: npm packages by name, project files by repo-relative path (Node built-ins left out). */
export function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const out: Import[] = [];
  for (const { fileName: spec } of info.importedFiles) {
    if (spec.startsWith('node:')) continue;
    if (spec.startsWith('.')) {
      out.push({ kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) });
    } else {
      const [first = '', second = ''] = spec.split('/');
      const name = first.startsWith('@') ? `${first}/${second}` : first;
      if (!NODE_BUILTINS.has(name)) out.push({ kind: 'package', name });
    }
  }
  return out;
}

const NODE_BUILTINS = new Set(builtinModules);
