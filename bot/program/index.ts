// The program engine's public surface. Everything other modules may call is exported here.
export * from './model';
