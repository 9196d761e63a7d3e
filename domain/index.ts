// The public API of the domain: pure rules, no I/O, no clock.
export * from './errors';
export * from './dates';
export * from './identifiers';
export * from './catalogue';
export * from './workload';
export * from './request-rules';
export * from './schemas';
export * from './text';
