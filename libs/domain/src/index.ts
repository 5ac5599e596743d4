// Plain TypeScript domain: no Nest, TypeORM, HTTP or Redis. Each feature folder exports its public API here.
export {};
