// What the tab API is built from: the store's readers, the rules, a clock, and the settings of its caches.
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Organization, Refusal, Rules, Voucher, VoucherFacts } from '../program';
import type { DialogView, VoucherActionCode } from './view-model';

/** What the API reads: the store's OrganizationRepository and VoucherRepository fit as they are. */
export interface OrganizationSource {
  get(tenantId: string): Promise<{ doc: Organization; etag?: string } | undefined>;
}
/** Count, newest write and sum of writes (`_ts`, whole seconds) of a tenant's vouchers. */
export interface VoucherMarker {
  count: number;
  lastModified: number;
  tsSum?: number;
}

/** A person's own settings (the store's PersonSettingsRepository fits): the caller's language, read current. */
export interface PersonSettingsSource {
  get(tenantId: string, userId: string): Promise<{ doc: { locale?: string } } | undefined>;
}
export interface VoucherSource {
  get(tenantId: string, id: string): Promise<{ doc: Voucher } | undefined>;
  list(tenantId: string): Promise<{ doc: Voucher }[]>;
  /** Lets the caches see any instance's writes. */
  changeMarker?(tenantId: string): Promise<VoucherMarker>;
  /**
   * Every voucher's facts and the marker they stand for, without reading the vouchers (the store's tenant
   * summary); `verify`, when given, checks them against the vouchers (false: repaired, read again).
   */
  summary?(
    tenantId: string,
  ): Promise<{ vouchers: VoucherFacts[]; marker: VoucherMarker; verify?: () => Promise<boolean> }>;
}

/** The organisation's data export for a person (a Global admin only): done, or the refusal naming the role. */
export type TenantExportFn = (
  tenantId: string,
  userId: string,
) => Promise<{ ok: true; value: unknown } | { ok: false; refusal: Refusal }>;

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
  /** The caller's own settings; without it, the roster the organisation was read with (a minute old at most). */
  people?: PersonSettingsSource;
  vouchers: VoucherSource;
  rules: Rules;
  now: () => Date;
  /** GET /api/tab/export.json (absent: the route answers 404). */
  tenantExport?: TenantExportFn;

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
