// Just enough of Bicep's syntax to check the structure of infra/*.bicep without the Bicep compiler (which
// cannot be installed from a package registry here): comments, strings with ${} interpolation, declarations,
// object literals and identifier references. Not a parser for Bicep in general.
import { readFileSync } from 'node:fs';

export interface Declaration {
  kind: 'param' | 'var' | 'resource' | 'module' | 'output';
  name: string;
  /** Offset of the declaration's first character. */
  at: number;
  /** For params: whether a default value is given. */
  hasDefault: boolean;
  /** The rest of the declaration line after the name (type, resource type string, module path, …). */
  rest: string;
}

export interface BicepFile {
  path: string;
  text: string;
  /** Same length as `text`: comments and the literal parts of strings blanked out, interpolations kept. */
  code: string;
  declarations: Declaration[];
}

export function readBicep(path: string): BicepFile {
  const text = readFileSync(path, 'utf8');
  const code = blank(text);
  const declarations: Declaration[] = [];
  const re = /^[ \t]*(param|var|resource|module|output)[ \t]+([A-Za-z_]\w*)([^\n]*)$/gm;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const kind = m[1] as Declaration['kind'];
    // Read the rest from the original text: it holds the resource type or module path string.
    const rest = text.slice(m.index + m[0].length - m[3]!.length, m.index + m[0].length);
    declarations.push({
      kind,
      name: m[2]!,
      at: m.index,
      hasDefault: kind === 'param' && /=/.test(m[3]!),
      rest: rest.trim(),
    });
  }
  return { path, text, code, declarations };
}

/** Blanks comments and the literal text of strings (keeping the quotes, `${…}` and newlines). */
export function blank(text: string): string {
  const out = text.split('');
  const wipe = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  // Each entry is the brace depth at which an interpolation was opened inside a string.
  const stack: number[] = [];
  let depth = 0;
  // -1 marks an open string.
  const inString = (): boolean => stack.length > 0 && stack[stack.length - 1] === -1;
  while (i < text.length) {
    const c = text[i]!;
    if (inString()) {
      if (c === '\\') {
        wipe(i, i + 2);
        i += 2;
      } else if (c === "'") {
        stack.pop();
        i++;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push(depth);
        depth++;
        i += 2;
      } else {
        wipe(i, i + 1);
        i++;
      }
      continue;
    }
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end;
      wipe(i + 3, stop);
      i = stop + 3;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      wipe(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      wipe(i, stop);
      i = stop;
    } else if (c === "'") {
      stack.push(-1);
      i++;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      // Closing an interpolation: back inside the string that opened it (its marker is next on the stack).
      if (stack.length > 0 && stack[stack.length - 1] === depth) stack.pop();
      i++;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** `(`/`)`, `[`/`]` and `{`/`}` pair up in the code. Returns the first problem, or undefined. */
export function unbalanced(code: string): string | undefined {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: { c: string; at: number }[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '(' || c === '[' || c === '{') stack.push({ c, at: i });
    else if (c in pairs) {
      const top = stack.pop();
      if (!top || top.c !== pairs[c]) return `unexpected ${c} at line ${lineOf(code, i)}`;
    }
  }
  const left = stack.pop();
  return left ? `unclosed ${left.c} from line ${lineOf(code, left.at)}` : undefined;
}

export function lineOf(text: string, at: number): number {
  return text.slice(0, at).split('\n').length;
}

/** Offset just past the bracket that closes the one at `open`. */
export function matching(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`no bracket closes the one at line ${lineOf(code, open)}`);
}

export interface Entry {
  key: string;
  /** The value's source text, trimmed. */
  value: string;
}

/** The top-level entries of the object literal whose `{` is at `open`. */
export function objectEntries(file: BicepFile, open: number): Entry[] {
  const end = matching(file.code, open) - 1;
  const entries: Entry[] = [];
  let depth = 0;
  let start = open + 1;
  const flush = (to: number): void => {
    const code = file.code.slice(start, to);
    const m = /^\s*'?([A-Za-z_$][\w$]*|[^':]*)'?\s*:/.exec(code);
    if (m && code.trim() !== '') {
      const colon = start + m[0].length;
      const keyText = file.text
        .slice(start, colon - 1)
        .trim()
        .replace(/^'|'$/g, '');
      entries.push({ key: keyText, value: file.text.slice(colon, to).trim() });
    }
  };
  for (let i = open + 1; i < end; i++) {
    const c = file.code[i]!;
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === '\n' || c === ',')) {
      flush(i);
      start = i + 1;
    }
  }
  flush(end);
  return entries;
}

/** The object literal assigned to `key:` (first match at or after `from`), as entries. */
export function objectAt(file: BicepFile, key: string, from = 0): Entry[] {
  const re = new RegExp(`(^|[\\s{,])${key}\\s*:\\s*\\{`, 'g');
  re.lastIndex = from;
  const m = re.exec(file.code);
  if (!m) throw new Error(`${file.path}: no object for ${key}`);
  return objectEntries(file, m.index + m[0].length - 1);
}

/**
 * Identifiers the code refers to: not declarations' names, object keys, property names after `.`,
 * decorator or function names, nor a declaration's type keyword.
 */
const KEYWORDS = new Set([
  'targetScope',
  'using',
  'param',
  'var',
  'resource',
  'module',
  'output',
  'existing',
  'for',
  'in',
  'if',
  'true',
  'false',
  'null',
]);

export function references(file: BicepFile): Set<string> {
  const refs = new Set<string>();
  const code = file.code;
  const re = /[A-Za-z_]\w*/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const word = m[0];
    if (KEYWORDS.has(word)) continue;
    const before = code.slice(0, m.index).replace(/[ \t]+$/, '');
    const after = code.slice(m.index + word.length).replace(/^[ \t]+/, '');
    const prev = before.at(-1) ?? '\n';
    if (prev === '.' || prev === '@') continue;
    if (after.startsWith('(')) continue;
    if (/(^|\s)(param|var|resource|module|output|using|for)$/.test(before)) continue;
    if (after.startsWith(':') && !after.startsWith('::') && (prev === '{' || prev === ',' || prev === '\n'))
      continue;
    // `param name type`, `output name type`: the type keyword right after a declared name.
    if (/(^|\n)[ \t]*(param|output)[ \t]+[A-Za-z_]\w*$/.test(before)) continue;
    refs.add(word);
  }
  return refs;
}

/** Names that `for x in` / `for (x, i) in` loops introduce. */
export function loopVariables(file: BicepFile): Set<string> {
  const names = new Set<string>();
  const re = /\bfor\s+\(?\s*([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s*\)?\s+in\b/g;
  for (let m = re.exec(file.code); m; m = re.exec(file.code)) {
    names.add(m[1]!);
    if (m[2]) names.add(m[2]);
  }
  return names;
}
