// The HTTP API: its Nest module, controllers and the app factory. `apps/api` serves it; the CLI's demo and
// benchmarks and the end-to-end tests build the same app in-process with `createApiApp`.
export * from './api.module';
export * from './bootstrap';
