import { randomBytes } from 'node:crypto';

// Runs before each medium test file's imports: no Redis (the in-process queue), no HTTP, quiet logs.
delete process.env.REDIS_URL;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.RUN_JOBS_IN_API = 'false';
// Production mode (DATABASE_URL set) requires its own secrets: random ones per test run, inherited by worker processes.
process.env.JWT_SECRET = randomBytes(48).toString('base64url');
process.env.SECRET_KEY = randomBytes(32).toString('base64');
process.env.MAIL_OUTBOX_ONLY = process.env.MAIL_OUTBOX_ONLY ?? 'true';
// The in-memory ATS's (never called) address, allowed as an operator-named host.
process.env.ATS_ALLOWED_HOSTS = 'in-memory.invalid';
