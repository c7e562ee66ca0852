import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Config, isDemoSeeded, loadConfig, objectStorageOf } from './config.ts';
import { buildApp, loginThrottlePolicy } from './app.ts';
import { type DatabaseHandle, openDatabase, openPostgres } from './db/client.ts';
import { announceDemoLogins } from './demo/demo-logins.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { sendDailyDigests } from './modules/notifications/index.ts';
import { createActionPlanReminderJobs, createActionPlanReportJobs } from './modules/action-plans/index.ts';
import { createSecurityEventJobs } from './modules/administration/index.ts';
import { createMeetingReminderJobs } from './modules/meetings/index.ts';
import { createReportRetentionJob } from './modules/reports/index.ts';
import { createRequestReminderJobs } from './modules/requests/index.ts';
import { createApiTokenExpiryReminderJob, createLoginFailureCleanupJob, createRegistrationCleanupJob, createSignOnAttemptCleanupJob } from './modules/users/index.ts';
import { createRetentionJobs } from './modules/privacy/index.ts';
import { systemClock } from './platform/clock.ts';
import { isDatabaseUnavailable } from './platform/errors.ts';
import { createLogOutput } from './platform/log-output.ts';
import { serializeRequestForLog } from './platform/log-redaction.ts';
import { createFileStorage } from './platform/file-storage.ts';
import { createMailer } from './platform/mail.ts';
import { deliverPendingMail } from './platform/outbox.ts';
import { createRateLimitCleanupJob } from './platform/rate-limits.ts';
import { startScheduler } from './platform/scheduler.ts';
import { enforceExitDeadline } from './platform/shutdown-deadline.ts';

// Start-up only: config → database → migrations → demo seed (if empty) → listen. Every step logs when it
// starts and how long it took: a first start on a busy machine is otherwise a long silence.
// performance.now() counts from the start of the process, so "started in" includes loading the code.
const startedAt = 0;
const output = createLogOutput(1);
// Anything else that writes to stdout or stderr (a library's console) must not crash on a closed pipe either.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  output.write(`${(error as Error).message}\n`);
  await output.drain(1000);
  process.exit(1);
}
// Request lines name the path and the query's parameter names, not their values (log-redaction.ts).
const log = pino({ level: config.LOG_LEVEL, serializers: { req: serializeRequestForLog } }, output);

const secondsSince = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
async function step<T>(description: string, work: () => Promise<T>): Promise<T> {
  log.info(`${description}…`);
  const started = performance.now();
  const result = await work();
  log.info({ durationMs: Math.round(performance.now() - started) }, `${description}: done in ${secondsSince(started)}`);
  return result;
}

let app: FastifyInstance | undefined;
let database: DatabaseHandle | undefined;
let stopScheduler: (() => Promise<void>) | undefined;
let isStopping = false;

async function exit(code: number): Promise<never> {
  // The last lines get a moment to reach a reader that is still there; a gone or stuck one costs nothing.
  await output.drain(500);
  process.exit(code);
}

function shutDown(signal: string) {
  if (isStopping) return;
  isStopping = true;
  const timeoutSeconds = config.SHUTDOWN_TIMEOUT_SECONDS;
  log.info({ signal, timeoutSeconds }, 'shutting down');
  enforceExitDeadline(timeoutSeconds * 1000, () => log.error({ timeoutSeconds }, 'shutdown took too long; exiting anyway'));
  // Stop accepting requests and let running ones finish; connections still open halfway to the deadline
  // (a slow upload, a client that never finishes its request) are cut, so the sweep and the database
  // still get their turn to stop cleanly.
  const cutOff = setTimeout(() => {
    log.warn('closing the connections that are still open');
    app?.server.closeAllConnections();
  }, (timeoutSeconds * 1000) / 2);
  (async () => {
    await app?.close();
    clearTimeout(cutOff);
    await stopScheduler?.();
    await database?.close();
  })().then(
    () => exit(0),
    (error) => {
      log.error({ err: error }, 'shutdown failed');
      return exit(1);
    },
  );
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));

/** The innermost message of an error, where the database driver says what went wrong. */
function innermostMessage(error: unknown): string {
  let current = error as { message?: string; code?: string; cause?: unknown; errors?: unknown[] } | undefined;
  let message = '';
  for (let depth = 0; current && depth < 5; depth++) {
    message = current.message || current.code || message;
    current = (current.cause ?? current.errors?.[0]) as typeof current;
  }
  return message;
}

/**
 * A database that is not up yet (PostgreSQL starting alongside, a fail-over) is waited for, with one log
 * line per attempt and growing pauses, instead of a crash with a stack trace. Anything else stops the start.
 */
async function migrateOnceReachable(opened: DatabaseHandle) {
  for (let attempt = 1, pauseSeconds = 1; ; attempt++, pauseSeconds = Math.min(pauseSeconds * 2, 30)) {
    try {
      return await opened.migrate();
    } catch (error) {
      if (isStopping || !isDatabaseUnavailable(error)) throw error;
      log.warn({ attempt, retryInSeconds: pauseSeconds }, `the database is not reachable (${innermostMessage(error)}); trying again in ${pauseSeconds} s`);
      await new Promise((resolve) => setTimeout(resolve, pauseSeconds * 1000));
    }
  }
}

try {
  const opened = await step(`opening the database (${config.DATABASE_URL ? 'PostgreSQL' : `embedded, in ${config.DATA_DIR}`})`, () => openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  database = opened;
  await step('migrating the database', async () => {
    // With a migration role set apart, migrations run on a connection of their own as that role: the
    // runtime role of DATABASE_URL may not change the schema (docs/operations.md, "Two database roles").
    if (!config.MIGRATION_DATABASE_URL) return migrateOnceReachable(opened);
    const migrating = await openPostgres(config.MIGRATION_DATABASE_URL, 1);
    try {
      await migrateOnceReachable(migrating);
    } finally {
      await migrating.close();
    }
  });

  // One bucket client for the routes and the retention sweep (S3_URL; unset: files stay in PostgreSQL).
  const bucket = objectStorageOf(config);
  const files = createFileStorage(bucket, log);
  log.info({ files: files.location }, bucket ? `uploaded files go to the bucket ${bucket.bucket} at ${bucket.endpoint}` : 'uploaded files are kept in the database');
  const built = await step('building the application', () => buildApp({ config, database: opened, loggerInstance: log, files }));
  app = built;

  if (isDemoSeeded(config)) {
    const seeded = await step('loading the Helmond demo if the database is empty', () => seedDemoIfEmpty(opened.db, systemClock, { password: config.DEMO_PASSWORD }));
    if (seeded) {
      // Once, on the first start of an empty database, and never into a log (see demo-logins.ts).
      output.write(announceDemoLogins(seeded.logins, { isTerminal: process.stdout.isTTY === true, dataDir: config.DATA_DIR, sharedPassword: config.DEMO_PASSWORD, adminSecondFactor: config.ADMIN_SECOND_FACTOR === 'required' }));
    }
  }

  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const scheduler = startScheduler(
    opened.db,
    [
      // Reminders, digests and alerts first, so the mail they queue goes out in the same sweep.
      ...createRequestReminderJobs({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
      ...createMeetingReminderJobs({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
      ...createActionPlanReminderJobs({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
      // Once a day: the progress reports whose period has ended go to the councils.
      ...createActionPlanReportJobs({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
      ...createSecurityEventJobs({
        clock: systemClock,
        publicUrl: config.PUBLIC_URL,
        alerts: { windowMinutes: config.SECURITY_ALERT_WINDOW_MINUTES, thresholds: config.SECURITY_ALERT_THRESHOLDS },
        retentionDays: config.SECURITY_EVENT_RETENTION_DAYS,
      }),
      { name: 'daily-digest', run: async (tx) => void (await sendDailyDigests(tx, systemClock)) },
      { name: 'deliver-mail', run: async (tx) => void (await deliverPendingMail(tx, systemClock, mailer)) },
      createLoginFailureCleanupJob({ clock: systemClock, throttle: loginThrottlePolicy(config) }),
      createApiTokenExpiryReminderJob({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
      createRegistrationCleanupJob({ clock: systemClock }),
      createSignOnAttemptCleanupJob({ clock: systemClock }),
      createRateLimitCleanupJob(),
      // Each municipality's retention terms (docs/operations.md, "Retention").
      ...createRetentionJobs({ clock: systemClock, files }),
      createReportRetentionJob({ clock: systemClock }),
    ],
    config.SCHEDULER_INTERVAL_SECONDS,
    built.log,
  );
  stopScheduler = scheduler.stop;

  await built.listen({ port: config.PORT, host: config.HOST });
  log.info({ startupMs: Math.round(performance.now() - startedAt) }, `Wijkwerk is running at ${config.PUBLIC_URL} (database: ${opened.engine}), started in ${secondsSince(startedAt)}`);
} catch (error) {
  // A signal during start-up closes what is open; whatever fails because of that is no news.
  if (!isStopping) {
    log.fatal({ err: error }, `Wijkwerk could not start: ${innermostMessage(error)}`);
    await exit(1);
  }
}
