// Runs before each medium test file's imports: no Redis (the in-process queue), no HTTP, quiet logs.
delete process.env.REDIS_URL;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.RUN_JOBS_IN_API = 'false';
