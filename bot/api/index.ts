// The tab's HTTP API and its static front end: bot/app.ts calls registerApi and registerTab.
export { registerApi, type TabApi } from './tab-api';
export type { ApiDeps, OrganizationSource, PersonSettingsSource, VoucherSource } from './deps';
export { registerTab } from './tab-static';
export { createAuthenticator, loadJose, type Authenticator, type Caller } from './auth';
export type * from './view-model';
