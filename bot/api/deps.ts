// What the tab API is built from: the store's readers, the rules, a clock, and the settings of its caches.
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Organization, Rules, Voucher } from '../program';
import type { DialogView, VoucherActionCode } from './view-model';

/** What the API reads: the store's OrganizationRepository and VoucherRepository fit as they are. */
export interface OrganizationSource {
  get(tenantId: string): Promise<{ doc: Organization; etag?: string } | undefined>;
}
export interface VoucherSource {
  get(tenantId: string, id: string): Promise<{ doc: Voucher } | undefined>;
  list(tenantId: string): Promise<{ doc: Voucher }[]>;
  /** Count and newest write (whole seconds) of the tenant's vouchers; lets the cache see any instance's writes. */
  changeMarker?(tenantId: string): Promise<{ count: number; lastModified: number }>;
}

/** Who opens or submits a dialog: the SSO caller, the tab's language and the request's correlation id. */
export interface DialogCaller {
  tenantId: string;
  userId: string;
  name?: string;
  locale?: string;
  correlationId: string;
}

/** The bot's verb table as the tab's dialogs use it (CompanionBot.tabDialogs(): the chat's code path). */
export interface TabDialogRunner {
  open(caller: DialogCaller, voucherId: string, action: VoucherActionCode): Promise<DialogView>;
  submit(caller: DialogCaller, data: Record<string, unknown>): Promise<DialogView>;
}

export interface ApiDeps {
  config: Config;
  logger: Logger;
  organizations: OrganizationSource;
  vouchers: VoucherSource;
  rules: Rules;
  now: () => Date;
  /** Runs the tab's dialogs through the bot's verb handlers; without it the /dialogs routes are not served. */
  dialogs?: TabDialogRunner;
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
