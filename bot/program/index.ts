// The program engine's public surface. Everything other modules may call is exported here.
export * from './model';
export * from './dates';
export * from './rules';
export { DEFAULT_PROFILE, PROFILES } from './profiles';
