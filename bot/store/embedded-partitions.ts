// Partition-scoped queries for the embedded server. Real Cosmos DB runs a query that carries a partition key
// (header x-ms-documentdb-partitionkey) against that logical partition only, so its cost follows the partition.
// The embedded server ignores the header: it copies and filters every document of the container for every
// query, so one tenant's 20-voucher query took >10 s with 20,000 vouchers stored, and a query without a tenant
// filter returned other partitions' documents. This keeps a per-partition index of each container's documents
// and, for a query with a single string partition key, runs the server's own query engine over that partition.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/** The partition key of the query request being handled, as the handler's async calls see it. */
const requestPartition = new AsyncLocalStorage<string>();

interface ItemLike {
  read(): Record<string, unknown> | undefined;
}

/** The fields and methods of the server's Items class (lib/account/items.js) this module uses. */
interface ServerItems {
  _data: Map<string, ItemLike>;
  _byPartition?: Map<string, Set<string>>;
  _getPartition(data: Record<string, unknown>): unknown;
  _set(data: Record<string, unknown>): Record<string, unknown>;
  _item(keyPath: string, value: string, partition?: unknown): ItemLike;
  delete(idOrRid: string, partition?: unknown): void;
  query(params: unknown, opts: unknown): unknown;
}

let installed = false;

/**
 * Patches the server's document collections once per process (idempotent). Only documents are indexed:
 * databases and containers are few and their queries carry no partition key.
 */
export function installPartitionScopedQueries(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const documents = require('@vercel/cosmosdb-server/lib/account/documents') as {
    default: { prototype: ServerItems };
  };
  const proto = documents.default.prototype;
  const base = Object.getPrototypeOf(proto) as ServerItems;

  proto._set = function (this: ServerItems, data) {
    const stored = base._set.call(this, data);
    const key = this._getPartition(stored);
    if (this._byPartition && typeof key === 'string') partitionOf(this, key).add(String(stored._rid));
    return stored;
  };
  proto.delete = function (this: ServerItems, idOrRid, partition) {
    const doc = this._item('/id', idOrRid, partition).read();
    base.delete.call(this, idOrRid, partition);
    const key = doc ? this._getPartition(doc) : undefined;
    const set = typeof key === 'string' ? this._byPartition?.get(key) : undefined;
    if (set && doc) {
      set.delete(String(doc._rid));
      if (set.size === 0) this._byPartition?.delete(key as string);
    }
  };
  proto.query = function (this: ServerItems, params, opts) {
    const key = requestPartition.getStore();
    if (key === undefined) return base.query.call(this, params, opts);
    const rids = indexed(this)._byPartition.get(key) ?? [];
    // The base query reads `this._data`: hand it the partition's documents only, for this synchronous call.
    const all = this._data;
    const scoped = new Map<string, ItemLike>();
    for (const rid of rids) {
      const item = all.get(rid);
      if (item) scoped.set(rid, item);
    }
    this._data = scoped;
    try {
      return base.query.call(this, params, opts);
    } finally {
      this._data = all;
    }
  };
}

/** Runs `handle` with the request's partition key visible to the patched query (query requests only). */
export function withRequestPartition(req: IncomingMessage, handle: () => void): void {
  const key = queryPartitionKey(req);
  if (key === undefined) handle();
  else requestPartition.run(key, handle);
}

/** A single string partition key of a document query; anything else (none, hierarchical, null) is unscoped. */
export function queryPartitionKey(req: IncomingMessage): string | undefined {
  if (req.method !== 'POST' || req.headers['x-ms-documentdb-isquery'] !== 'true') return undefined;
  if (!/\/docs\/?(\?|$)/.test(req.url ?? '')) return undefined;
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (typeof header !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) && parsed.length === 1 && typeof parsed[0] === 'string'
      ? parsed[0]
      : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the container's index on its first scoped query; `_set` and `delete` keep it from then on. */
function indexed(items: ServerItems): ServerItems & { _byPartition: Map<string, Set<string>> } {
  if (!items._byPartition) {
    items._byPartition = new Map();
    for (const [rid, item] of items._data) {
      const data = item.read();
      const key = data ? items._getPartition(data) : undefined;
      if (typeof key === 'string') partitionOf(items, key).add(rid);
    }
  }
  return items as ServerItems & { _byPartition: Map<string, Set<string>> };
}

function partitionOf(items: ServerItems, key: string): Set<string> {
  const map = items._byPartition as Map<string, Set<string>>;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
