// Defaults for every spec; a spec may override before it creates its app.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.RATE_LIMIT_PER_MINUTE ??= '100000';
process.env.AUTH_RATE_LIMIT_PER_MINUTE ??= '100000';
process.env.RUN_WORKER ??= 'off';
process.env.OFFLINE_DELAY_MS ??= '0';
process.env.DATABASE_POOL_SIZE ??= '10';
process.env.ADMIN_EMAIL ??= 'admin@megicai.test';
process.env.ADMIN_PASSWORD ??= 'admin-password-test';
// Specs' webhook receivers listen on 127.0.0.1: every app and worker of a run (they share the queues) may call them.
process.env.WEBHOOKS_ALLOW_PRIVATE ??= 'true';
// Specs share one database: referral caps would couple unrelated specs (the referral spec sets its own).
process.env.REFERRAL_DAILY_CAP ??= '100000';
process.env.REFERRAL_MONTHLY_CAP ??= '100000';
process.env.REFERRAL_ADDRESS_DAILY_CAP ??= '100000';
// Failed-login backoff per email and address (127.0.0.1 for every spec): off unless a spec sets its own.
process.env.LOGIN_FREE_FAILURES ??= '100000';
process.env.LOGIN_ADDRESS_FREE_FAILURES ??= '100000';
