// The tab's HTTP API and static front end. main.ts calls registerApi and registerTab; nothing else is public.
export {
  registerApi,
  API_PREFIX,
  type ApiDeps,
  type OrganizationSource,
  type TabApi,
  type VoucherSource,
} from './routes';
export { SnapshotCache } from './snapshot';
export { registerTab, TAB_CSP } from './tab-static';
export {
  createAuthenticator,
  issuersFor,
  jwksUrlFor,
  loadJose,
  REQUIRED_SCOPE,
  type Authenticator,
  type Caller,
} from './auth';
export type * from './view-model';
