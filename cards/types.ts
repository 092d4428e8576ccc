// Plain shapes shared by every card builder. Cards depend on these view models, never on bot/program types.
import type { ActionData, CardVerb } from './verbs';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: '1.5';
  $schema?: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: { type: 'Action.Execute'; verb: CardVerb; data: ActionData }; userIds: string[] };
  msteams?: Record<string, unknown>;
  [key: string]: unknown;
}

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/** A banner any card can carry on top: "this changed since you opened it", a refusal, a confirmation. */
export interface Notice {
  tone: NoticeTone;
  text: string;
  /** Further lines, e.g. every refusal when a command failed several guards. */
  details?: string[];
}

export interface RefreshOption {
  /** People for whom Teams refreshes the card automatically (their own role-specific view). */
  userIds: string[];
  /** Defaults to the card's own "show" action when it has one. */
  verb?: CardVerb;
  data?: ActionData;
}

export interface CardOptions {
  notice?: Notice;
  /** Server-side validation errors by input id; shown next to the field (unknown ids go to the banner). */
  errors?: Record<string, string>;
  refresh?: RefreshOption;
  /** The reader's IANA time zone, for instants (audit trail). Calendar dates never shift. */
  timeZone?: string;
}

export interface Choice {
  title: string;
  value: string;
}

/** A few facts about a voucher most voucher cards repeat at the top. */
export interface VoucherSummary {
  voucherNumber: string;
  customerName: string;
  offeringName: string;
  engagementName?: string;
  days: number;
  state: string;
  expiresOn?: string;
}
