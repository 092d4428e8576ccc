// What the tab API is built from: the store's readers, the rules, a clock, and the settings of its caches.
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Organization, Rules, Voucher } from '../program';

/** What the API reads: the store's OrganizationRepository and VoucherRepository fit as they are. */
export interface OrganizationSource {
  get(tenantId: string): Promise<{ doc: Organization; etag?: string } | undefined>;
}
/** A person's own settings (the store's PersonSettingsRepository fits): the caller's language, read current. */
export interface PersonSettingsSource {
  get(tenantId: string, userId: string): Promise<{ doc: { locale?: string } } | undefined>;
}
export interface VoucherSource {
  get(tenantId: string, id: string): Promise<{ doc: Voucher } | undefined>;
  list(tenantId: string): Promise<{ doc: Voucher }[]>;
  /** Count and newest write (whole seconds) of the tenant's vouchers; lets the cache see any instance's writes. */
  changeMarker?(tenantId: string): Promise<{ count: number; lastModified: number }>;
}

export interface ApiDeps {
  config: Config;
  logger: Logger;
  organizations: OrganizationSource;
  /** The caller's own settings; without it, the roster the organisation was read with (a minute old at most). */
  people?: PersonSettingsSource;
  vouchers: VoucherSource;
  rules: Rules;
  now: () => Date;
  /** Signing keys override (tests); defaults to Entra ID's JWKS from config. */
  keys?: JWTVerifyGetKey;
  /** How long a tenant's documents are reused between requests (default 15 s; 0 = read the store every time). */
  cacheTtlMs?: number;
  /**
   * With a voucher source that has change markers: a snapshot checked less than this long ago is served without
   * asking the store again (default 2 s). That bounds how stale the tab can be after a write on any instance.
   */
  snapshotFreshMs?: number;
}
