import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../test/harness.ts';
import { openPostgres, queryRows } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { createMailer, type Mailer } from './mail.ts';
import { deliverPendingMail, enqueueMessage } from './outbox.ts';
import { runSweep, type ScheduledJob } from './scheduler.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const mail = (subject: string, recipientEmail = 'bewoner@mail.example') => ({ municipalityId: t.municipalityId, channel: 'email' as const, recipientEmail, topic: 'test', subject, body: `${subject}: tekst` });
const quietLog = { error: () => {} };
const from = 'Wijkwerk <noreply@helmond.example>';

async function outboxAs(person: 'admin' | 'resident', query = '') {
  return t.request({ url: `${tenantPath}/outbox${query}`, as: await t.logIn(person) });
}

async function statusOf(subject: string) {
  return queryRows<{ status: string; attempts: number }>(t.database.db, sql`select status, attempts from outbox_message where subject = ${subject}`);
}

describe('outbox', () => {
  it('keeps nothing of a message whose change rolled back', async () => {
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await enqueueMessage(tx, t.clock, mail('Teruggedraaid'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await statusOf('Teruggedraaid')).toEqual([]);
    const subjects = (await outboxAs('admin')).json().items.map((item: { subject: string }) => item.subject);
    expect(subjects).not.toContain('Teruggedraaid');
  });

  it('stores mail for the admin outbox page when no SMTP server is configured, for admins only', async () => {
    await enqueueMessage(t.database.db, t.clock, mail('Zonder SMTP'));
    const result = await deliverPendingMail(t.database.db, t.clock, createMailer({ from }));
    expect(result).toEqual({ delivered: 1, failed: 0 });
    expect(await statusOf('Zonder SMTP')).toEqual([{ status: 'stored', attempts: 1 }]);
    const stored = (await outboxAs('admin', '?status=stored')).json().items;
    expect(stored.find((item: { subject: string }) => item.subject === 'Zonder SMTP')).toMatchObject({ status: 'stored', recipientEmail: 'bewoner@mail.example', body: 'Zonder SMTP: tekst', deliveredAt: t.clock.now().toISOString() });
    expect((await outboxAs('resident')).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/outbox` })).statusCode).toBe(401);
  });

  it('sends mail through a real SMTP server and marks it sent', async () => {
    const received: { from: string; to: string; data: string }[] = [];
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString();
        });
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((address) => address.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      await enqueueMessage(t.database.db, t.clock, mail('Uw vraag is ontvangen', 'raad@wijkraad.example'));
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from });
      expect(await deliverPendingMail(t.database.db, t.clock, mailer)).toEqual({ delivered: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: 'noreply@helmond.example', to: 'raad@wijkraad.example' });
      expect(received[0].data).toContain('Subject: Uw vraag is ontvangen');
      expect(received[0].data).toContain('Uw vraag is ontvangen: tekst');
      expect(await statusOf('Uw vraag is ontvangen')).toEqual([{ status: 'sent', attempts: 1 }]);
      const sent = (await outboxAs('admin', '?status=sent')).json().items;
      expect(sent.map((item: { subject: string }) => item.subject)).toContain('Uw vraag is ontvangen');
      // Sent is sent: a next round sends nothing again.
      expect(await deliverPendingMail(t.database.db, t.clock, mailer)).toEqual({ delivered: 0, failed: 0 });
      expect(received).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps mail pending with the error when the SMTP server cannot be reached', async () => {
    await enqueueMessage(t.database.db, t.clock, mail('Server weg'));
    const result = await deliverPendingMail(t.database.db, t.clock, createMailer({ smtpUrl: 'smtp://127.0.0.1:1?connectionTimeout=500', from }));
    expect(result).toEqual({ delivered: 0, failed: 1 });
    const pending = (await outboxAs('admin', '?status=pending')).json().items;
    const item = pending.find((candidate: { subject: string }) => candidate.subject === 'Server weg');
    expect(item.attempts).toBe(1);
    expect(item.lastError).toBeTruthy();
    // Out of the way for the next tests.
    await t.database.db.execute(sql`update outbox_message set status = 'failed' where subject = 'Server weg'`);
  });

  it('sends each message once when two deliveries run at the same time', async () => {
    const subjects = ['Parallel 1', 'Parallel 2', 'Parallel 3', 'Parallel 4'];
    for (const subject of subjects) await enqueueMessage(t.database.db, t.clock, mail(subject));
    const sent: string[] = [];
    const slowMailer: Mailer = {
      async send(message) {
        sent.push(message.subject);
        // Gives the other delivery every chance to pick up the same message.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return 'sent';
      },
    };
    const [first, second] = await Promise.all([deliverPendingMail(t.database.db, t.clock, slowMailer), deliverPendingMail(t.database.db, t.clock, slowMailer)]);
    expect(first.delivered + second.delivered).toBe(4);
    expect(sent.sort()).toEqual(subjects);
  });

  it('pages through the outbox newest first without losing messages written at the same moment', async () => {
    t.clock.advance(60_000);
    const subjects = ['Zelfde moment A', 'Zelfde moment B', 'Zelfde moment C', 'Zelfde moment D', 'Zelfde moment E'];
    await inTransaction(t.database.db, async (tx) => {
      for (const subject of subjects) await enqueueMessage(tx, t.clock, mail(subject));
    });
    const admin = await t.logIn('admin');
    const everything = (await t.request({ url: `${tenantPath}/outbox?pageSize=100`, as: admin })).json().items.map((item: { id: string }) => item.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await t.request({ url: `${tenantPath}/outbox?pageSize=2${query}`, as: admin })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everything);
    const bad = await t.request({ url: `${tenantPath}/outbox?cursor=gisteren`, as: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.cursor');
  });
});

describe('scheduler sweep', () => {
  it('runs its jobs, and a failing job neither stops the others nor keeps its half-done work', async () => {
    const errors: unknown[] = [];
    const result = await runSweep(
      t.database.db,
      [
        {
          name: 'broken',
          run: async (tx) => {
            await enqueueMessage(tx, t.clock, mail('Half werk'));
            throw new Error('broken job');
          },
        },
        { name: 'fine', run: async (tx) => void (await enqueueMessage(tx, t.clock, mail('Heel werk'))) },
      ],
      { error: (object) => errors.push(object) },
    );
    expect(result).toBe('ran');
    expect(errors).toHaveLength(1);
    expect(await statusOf('Half werk')).toEqual([]);
    expect(await statusOf('Heel werk')).toHaveLength(1);
  });

  it('delivers mail as a job of the sweep, the way the server schedules it', async () => {
    await enqueueMessage(t.database.db, t.clock, mail('Via de sweep'));
    const mailer = createMailer({ from });
    const deliverMail: ScheduledJob = { name: 'deliver-mail', run: async (tx) => void (await deliverPendingMail(tx, t.clock, mailer)) };
    expect(await runSweep(t.database.db, [deliverMail], quietLog)).toBe('ran');
    expect(await statusOf('Via de sweep')).toEqual([{ status: 'stored', attempts: 1 }]);
  });

  it('lets one instance sweep at a time: the other skips (PostgreSQL) or queues behind it (PGlite)', async () => {
    if (t.database.engine === 'pglite') {
      // PGlite has one connection and runs one transaction at a time, so a second sweep cannot even
      // reach the lock while the first holds it. What holds there: sweeps never overlap, and the lock
      // goes with the transaction, so the next sweep runs.
      const events: string[] = [];
      const job = (name: string): ScheduledJob => ({
        name,
        run: async (tx) => {
          events.push(`${name} begins`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          await tx.execute(sql`select 1`);
          events.push(`${name} ends`);
        },
      });
      expect(await Promise.all([runSweep(t.database.db, [job('first')], quietLog), runSweep(t.database.db, [job('second')], quietLog)])).toEqual(['ran', 'ran']);
      expect(events).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
      return;
    }

    // PostgreSQL: another instance is another connection pool on the same database.
    const [{ name }] = await queryRows<{ name: string }>(t.database.db, sql`select current_database() as name`);
    const url = new URL(String(process.env.DATABASE_URL));
    url.pathname = `/${name}`;
    const otherInstance = await openPostgres(url.toString(), 2);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const otherSweep = runSweep(otherInstance.db, [{ name: 'slow', run: async () => { locked(); await held; } }], quietLog);
      await isLocked;
      const ran: string[] = [];
      const ourJob: ScheduledJob = { name: 'ours', run: async () => void ran.push('ours') };
      expect(await runSweep(t.database.db, [ourJob], quietLog)).toBe('skipped');
      expect(ran).toEqual([]);
      release();
      expect(await otherSweep).toBe('ran');
      // The lock ended with the other instance's transaction.
      expect(await runSweep(t.database.db, [ourJob], quietLog)).toBe('ran');
      expect(ran).toEqual(['ours']);
    } finally {
      await otherInstance.close();
    }
  });
});
