// What every stored document has, and what a read gives back: the decoded document and its version.

export interface TenantDocument {
  id: string;
  tenantId: string;
}

export interface Stored<T> {
  doc: T;
  etag: string;
  /** Cosmos `_ts` of this version (whole seconds), when the server sent it (the voucher summary records it). */
  ts?: number;
}
