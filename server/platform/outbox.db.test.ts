import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../test/harness.ts';
import { createMailer } from './mail.ts';
import { deliverPendingMail, enqueueMessage } from './outbox.ts';
import { runSweep } from './scheduler.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const mail = (subject: string, recipientEmail = 'bewoner@mail.example') => ({ municipalityId: t.municipalityId, channel: 'email' as const, recipientEmail, topic: 'test', subject, body: `${subject}: tekst` });
const quietLog = { error: () => {} };

describe('outbox', () => {
  it('writes nothing when the change it belongs to rolls back', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueMessage(tx, t.clock, mail('Teruggedraaid'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const admin = await t.logIn('admin');
    const subjects = (await t.request({ url: `${tenantPath}/outbox`, as: admin })).json().items.map((item: { subject: string }) => item.subject);
    expect(subjects).not.toContain('Teruggedraaid');
  });

  it('stores mail for the admin outbox page when no SMTP server is configured', async () => {
    await enqueueMessage(t.database.db, t.clock, mail('Zonder SMTP'));
    const result = await deliverPendingMail(t.database.db, t.clock, createMailer({ from: 'Wijkwerk <noreply@helmond.example>' }));
    expect(result.delivered).toBeGreaterThanOrEqual(1);
    const admin = await t.logIn('admin');
    const stored = (await t.request({ url: `${tenantPath}/outbox?status=stored`, as: admin })).json().items;
    expect(stored.find((item: { subject: string }) => item.subject === 'Zonder SMTP')).toMatchObject({ status: 'stored', recipientEmail: 'bewoner@mail.example' });
    const resident = await t.logIn('resident');
    expect((await t.request({ url: `${tenantPath}/outbox`, as: resident })).statusCode).toBe(403);
  });

  it('sends mail through a real SMTP server and marks it sent', async () => {
    const received: { to: string; data: string }[] = [];
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString();
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      await enqueueMessage(t.database.db, t.clock, mail('Uw vraag is ontvangen', 'raad@wijkraad.example'));
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: 'Wijkwerk <noreply@helmond.example>' });
      await deliverPendingMail(t.database.db, t.clock, mailer);
      expect(received).toHaveLength(1);
      expect(received[0].to).toBe('raad@wijkraad.example');
      expect(received[0].data).toContain('Uw vraag is ontvangen');
      const admin = await t.logIn('admin');
      const sent = (await t.request({ url: `${tenantPath}/outbox?status=sent`, as: admin })).json().items;
      expect(sent.map((item: { subject: string }) => item.subject)).toContain('Uw vraag is ontvangen');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps mail pending with the error when the SMTP server cannot be reached', async () => {
    await enqueueMessage(t.database.db, t.clock, mail('Server weg'));
    const result = await deliverPendingMail(t.database.db, t.clock, createMailer({ smtpUrl: 'smtp://127.0.0.1:1?connectionTimeout=500', from: 'x@helmond.example' }));
    expect(result.failed).toBe(1);
    const admin = await t.logIn('admin');
    const pending = (await t.request({ url: `${tenantPath}/outbox?status=pending`, as: admin })).json().items;
    const item = pending.find((candidate: { subject: string }) => candidate.subject === 'Server weg');
    expect(item.attempts).toBe(1);
    expect(item.lastError).toBeTruthy();
  });
});

describe('scheduler sweep', () => {
  it('runs its jobs, and a failing job neither stops the others nor keeps its half-done work', async () => {
    const ran: string[] = [];
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
        { name: 'fine', run: async () => void ran.push('fine') },
      ],
      quietLog,
    );
    expect(result).toBe('ran');
    expect(ran).toEqual(['fine']);
    const admin = await t.logIn('admin');
    const subjects = (await t.request({ url: `${tenantPath}/outbox?pageSize=100`, as: admin })).json().items.map((item: { subject: string }) => item.subject);
    expect(subjects).not.toContain('Half werk');
  });

  it('skips when another instance holds the sweep lock (PostgreSQL: a second connection)', async () => {
    if (t.database.engine !== 'postgres') {
      // PGlite has one connection and runs one transaction at a time, so a second instance cannot exist there.
      expect(await runSweep(t.database.db, [], quietLog)).toBe('ran');
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const otherInstance = runSweep(t.database.db, [{ name: 'slow', run: async () => { locked(); await held; } }], quietLog);
    await isLocked;
    const ran: string[] = [];
    expect(await runSweep(t.database.db, [{ name: 'second', run: async () => void ran.push('second') }], quietLog)).toBe('skipped');
    expect(ran).toEqual([]);
    release();
    expect(await otherInstance).toBe('ran');
  });
});
