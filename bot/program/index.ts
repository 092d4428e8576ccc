// The program engine's public surface. Everything other modules may call is exported here.
export * from './model';
export * from './dates';
export * from './rules';
export { DEFAULT_PROFILE, PROFILES } from './profiles';
export * from './result';
export * from './context';
export * from './roles';
export * from './voucher-states';
export * from './deadlines';
export * from './eligibility-checklist';
export * from './organization';
export * from './transitions';
export * from './voucher';
export * from './reminders';
export * from './next';
export * from './intake';
export * from './voucher-actions';
