// Plain TypeScript domain: no Nest, TypeORM, HTTP or Redis. Each feature folder exports its public API here.
export * from './eligibility';
export * from './fast-track';
export * from './registry';
export * from './matching';
// Both folders describe a rating the same way ({year, rating}); one name for the outside.
export type { PerformanceRating } from './eligibility';
export * from './compensation';
export * from './briefing';
export * from './calendar';
export * from './documents';
export * from './retention';
export * from './operations';
export * from './outcomes';
export * from './rediscovery';
