// Typed store failures. Callers switch on the class, never on Cosmos status codes.

export class StoreError extends Error {}

/** A create hit an existing id (Cosmos 409). */
export class AlreadyExists extends StoreError {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} already exists`);
    this.name = 'AlreadyExists';
  }
}

/** An ETag-checked write found a newer version (Cosmos 412). */
export class ConcurrencyConflict extends StoreError {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} changed since it was read`);
    this.name = 'ConcurrencyConflict';
  }
}

/** The document is not there (Cosmos 404 on a write that needs it). */
export class NotFound extends StoreError {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} not found`);
    this.name = 'NotFound';
  }
}

/** A stored document no longer matches its schema. Reported with its id; never passed on. */
export class CorruptDocument extends StoreError {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly problems: string[],
  ) {
    super(`${kind} ${id} is corrupt: ${problems.join('; ')}`);
    this.name = 'CorruptDocument';
  }
}

export function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/** A write named one tenant but carried another tenant's document: a programming error, never retried. */
export class TenantMismatch extends StoreError {
  constructor(
    readonly tenantId: string,
    readonly documentTenantId: string,
  ) {
    super(`tenant mismatch: ${tenantId} cannot write a document of ${documentTenantId}`);
    this.name = 'TenantMismatch';
  }
}

export function assertTenant(tenantId: string, docTenant: string): void {
  if (tenantId !== docTenant) throw new TenantMismatch(tenantId, docTenant);
}
