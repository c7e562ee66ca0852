import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { createMailer } from './platform/mail.ts';
import { deliverPendingMail } from './platform/outbox.ts';
import { startScheduler } from './platform/scheduler.ts';
import { systemClock } from './platform/clock.ts';
import { createRequestReminderJobs } from './modules/requests/index.ts';
import { sendDailyDigests } from './modules/notifications/index.ts';

// Start-up only: config → database → migrations → demo seed (if empty) → listen.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await database.migrate();

const app = await buildApp({
  config,
  database,
  logger: { level: config.LOG_LEVEL, ...(process.stdout.isTTY ? {} : {}) },
});

if (config.DEMO_SEED === 'auto') {
  const seeded = await seedDemoIfEmpty(database.db, systemClock, { password: config.DEMO_PASSWORD });
  if (seeded) {
    // Printed once, on the first start of an empty database; the passwords are not stored anywhere readable.
    const lines = seeded.logins.map((login) => `  ${login.role.padEnd(15)} ${login.email.padEnd(38)} ${login.password}`);
    process.stdout.write(`\nHelmond demo loaded. Demo logins (shown only now):\n${lines.join('\n')}\n\n`);
  }
}

const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
const scheduler = startScheduler(
  database.db,
  [
    // Reminders and digests first, so the mail they queue goes out in the same sweep.
    ...createRequestReminderJobs({ clock: systemClock, publicUrl: config.PUBLIC_URL }),
    { name: 'daily-digest', run: async (tx) => void (await sendDailyDigests(tx, systemClock)) },
    { name: 'deliver-mail', run: async (tx) => void (await deliverPendingMail(tx, systemClock, mailer)) },
  ],
  config.SCHEDULER_INTERVAL_SECONDS,
  app.log,
);

await app.listen({ port: config.PORT, host: config.HOST });
app.log.info(`Wijkwerk is running at ${config.PUBLIC_URL} (database: ${database.engine})`);

let stopping = false;
async function shutDown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting requests, let running ones finish, then stop the sweep and close the database.
  await app.close();
  await scheduler.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutDown('SIGTERM'));
process.on('SIGINT', () => void shutDown('SIGINT'));
