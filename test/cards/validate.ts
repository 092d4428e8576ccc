// Checks every built card the same way: official 1.5 schema, nothing left unexpanded, size, action rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { CARD_VERBS, isAllowedDataKey } from '../../cards';
import type { AdaptiveCard } from '../../cards';

// The official schema is vendored in ../shared/schemas beside the repository (developer machines and CI).
const SCHEMA_PATH = path.resolve(__dirname, '..', '..', '..', 'shared', 'schemas', 'adaptive-card-1.5.json');
export const MAX_CARD_BYTES = 28 * 1024;

function loadValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  delete schema['id']; // draft-06 `id` confuses ajv 8's $id handling
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  ajv.addMetaSchema(draft06);
  return ajv.compile(schema);
}
const validate = loadValidator();

/** Teams-only extensions are not in the official schema (it forbids extra properties). */
function withoutMsteams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMsteams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'msteams')
        .map(([k, v]) => [k, withoutMsteams(v)]),
    );
  }
  return value;
}

export function schemaErrors(card: unknown): string[] {
  if (validate(withoutMsteams(card))) return [];
  // anyOf over every element type makes ajv list many alternatives; the deepest paths are the useful ones.
  return (validate.errors ?? [])
    .map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .slice(0, 15);
}

export interface ExecuteAction {
  verb: unknown;
  data: unknown;
  title: unknown;
}

/** Every Action.Execute anywhere in the card (body, actions, ShowCards, refresh). */
export function executeActions(node: unknown, out: ExecuteAction[] = []): ExecuteAction[] {
  if (Array.isArray(node)) node.forEach((n) => executeActions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['type'] === 'Action.Execute') out.push({ verb: o['verb'], data: o['data'], title: o['title'] });
    Object.values(o).forEach((v) => executeActions(v, out));
  }
  return out;
}

export function openUrls(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => openUrls(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['type'] === 'Action.OpenUrl') out.push(String(o['url']));
    Object.values(o).forEach((v) => openUrls(v, out));
  }
  return out;
}

/** Every input anywhere in the card. */
export function inputs(
  node: unknown,
  out: Array<Record<string, unknown>> = [],
): Array<Record<string, unknown>> {
  if (Array.isArray(node)) node.forEach((n) => inputs(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o['type'] === 'string' && o['type'].startsWith('Input.')) out.push(o);
    Object.values(o).forEach((v) => inputs(v, out));
  }
  return out;
}

export function assertGoodCard(card: AdaptiveCard, label: string): void {
  const json = JSON.stringify(card);
  assert.deepEqual(schemaErrors(card), [], `${label}: schema`);
  assert.equal(card.version, '1.5', `${label}: version`);
  assert.ok(!json.includes('${'), `${label}: unexpanded binding in ${json.match(/.{0,60}\$\{.{0,60}/)?.[0]}`);
  assert.ok(
    Buffer.byteLength(json, 'utf8') < MAX_CARD_BYTES,
    `${label}: ${Buffer.byteLength(json, 'utf8')} bytes`,
  );
  for (const action of executeActions(card)) {
    assert.ok(
      (CARD_VERBS as readonly unknown[]).includes(action.verb),
      `${label}: verb ${String(action.verb)} not in CARD_VERBS`,
    );
    assert.ok(
      action.data && typeof action.data === 'object' && !Array.isArray(action.data),
      `${label}: ${String(action.verb)} data must be an object`,
    );
    for (const [key, value] of Object.entries(action.data as object)) {
      assert.ok(isAllowedDataKey(key), `${label}: ${String(action.verb)} carries business field "${key}"`);
      assert.ok(
        ['string', 'number'].includes(typeof value),
        `${label}: ${String(action.verb)}.${key} must be an id, etag, step or page`,
      );
    }
  }
  for (const input of inputs(card)) {
    assert.equal(typeof input['label'], 'string', `${label}: input ${String(input['id'])} has no label`);
    if (input['isRequired'] === true)
      assert.equal(
        typeof input['errorMessage'],
        'string',
        `${label}: required input ${String(input['id'])} has no errorMessage`,
      );
  }
}
