import { randomBytes } from 'node:crypto';

// Runs before each integration test file's imports: the queue driver is chosen when the modules load,
// so the environment must say "Bull on Redis" before anything imports the app.
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.QUEUE_PREFIX = `t${process.pid}${Math.random().toString(36).slice(2, 8)}`;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// Production mode (DATABASE_URL set) requires its own secrets: random ones per test run, inherited by worker processes.
process.env.JWT_SECRET = randomBytes(48).toString('base64url');
process.env.SECRET_KEY = randomBytes(32).toString('base64');
// Production mode without SMTP_URL keeps mail in the outbox only when told so (tests read it there).
process.env.MAIL_OUTBOX_ONLY = process.env.MAIL_OUTBOX_ONLY ?? 'true';
// The ATS simulator listens on loopback: the one outbound host tests name (shared/spec/security.md).
process.env.ATS_ALLOWED_HOSTS = process.env.ATS_ALLOWED_HOSTS ?? '127.0.0.1';
process.env.CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE = process.env.CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE ?? '1000'; // browser tests sign in often
process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE ?? '100000'; // the simulator delivers everything from loopback
