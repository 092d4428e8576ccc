// The program's vocabulary: zod schemas and types. Everything else in bot/program/ is functions over these.
export * from './common';
export * from './rules';
export * from './organization';
export * from './person-settings';
export * from './voucher';
export * from './voucher-facts';
export * from './voucher-inputs';
export * from './refusals';
export * from './next-actions';
export * from './reminders';
