// What every stored document has, and what a read gives back: the decoded document and its version.

export interface TenantDocument {
  id: string;
  tenantId: string;
}

export interface Stored<T> {
  doc: T;
  etag: string;
}
