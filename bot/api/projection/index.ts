// Domain → view model for the tab: pure functions over an organisation, its vouchers, the rules and "today".
export { projectionContext, roleOf, type ProjectionContext } from './context';
export {
  DEADLINE_WINDOW_DAYS,
  groupDeadlines,
  organizationDeadlines,
  voucherDeadlines,
  type DeadlineGroups,
} from './deadlines';
export {
  OVERVIEW_DEADLINE_LIMIT,
  filterOptionsOf,
  overviewOf,
  pipelineOf,
  project,
  type DeadlineMemo,
  type Projected,
} from './overview';
export { paymentsOf } from './payments';
export { setupOf } from './setup';
export { toDetail, toRow } from './voucher-rows';
export { viewerPart } from './voucher-actions';
