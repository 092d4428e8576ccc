// The organisation aggregate's commands (one document per tenant), by subject. Each returns a new document
// with one audit entry appended, or refusals; nothing is mutated.
export * from './eligibility';
export * from './enrollment';
export * from './people';
export * from './profile';
export * from './settings';
