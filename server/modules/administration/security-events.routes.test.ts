import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmails, demoPassword, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { securityEvent } from '../../platform/security-event.tables.ts';
import { deleteExpiredSecurityEvents } from '../../platform/security-events.ts';
import { sendSecurityAlerts } from './security-alerts.ts';

let t: TestApp;
let admin: Session;
let resident: Session;
let residentId: string;

const eventsUrl = `${tenantPath}/security-events`;
const wrongPassword = 'Fout-wachtwoord-dat-niemand-mag-zien-42';

/** The events recorded so far, oldest first, once the queue is written. */
async function recordedEvents() {
  await t.app.securityEvents.flush();
  return t.database.db.select().from(securityEvent).orderBy(securityEvent.id);
}

async function eventFor(requestId: unknown) {
  const events = await recordedEvents();
  return events.find((event) => event.requestId === requestId);
}

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: 2, RATE_LIMIT_READS_PER_ADDRESS: 5 });
  admin = await t.logIn('admin');
  resident = await t.logIn('resident');
  residentId = (await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user.id;
});
afterAll(async () => t?.close());

describe('recording', () => {
  it('records a failed login with the route pattern, address and request id, and nothing of the password or e-mail address', async () => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/sessions?next=geheim`, remoteAddress: '192.0.2.50', payload: { email: demoEmails.officer, password: wrongPassword } });
    expect(response.statusCode).toBe(401);
    const event = await eventFor(response.headers['x-request-id']);
    expect(event).toMatchObject({
      municipalityId: t.municipalityId,
      kind: 'failed_login',
      code: 'INVALID_CREDENTIALS',
      method: 'POST',
      route: '/api/v1/municipalities/:municipality/sessions',
      clientAddress: '192.0.2.50',
      actorUserId: null,
    });
    expect(event!.occurredAt.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('records a throttled login once the pair has to wait', async () => {
    const attempt = () => t.request({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress: '192.0.2.51', payload: { email: demoEmails.alderman, password: wrongPassword } });
    await attempt();
    await attempt();
    const throttled = await attempt();
    expect(throttled.statusCode).toBe(429);
    expect(await eventFor(throttled.headers['x-request-id'])).toMatchObject({ kind: 'login_throttled', code: 'TOO_MANY_LOGIN_ATTEMPTS', clientAddress: '192.0.2.51' });
  });

  it('records a wrong current password on a password change as a failed login of that person', async () => {
    const response = await t.request({ method: 'PUT', url: `${tenantPath}/sessions/current/password`, as: resident, remoteAddress: '192.0.2.52', payload: { currentPassword: wrongPassword, newPassword: 'Een-heel-nieuw-wachtwoord-2026' } });
    expect(response.statusCode).toBe(400);
    expect(await eventFor(response.headers['x-request-id'])).toMatchObject({ kind: 'failed_login', code: 'VALIDATION_FAILED', actorUserId: residentId, reason: 'body.currentPassword' });
  });

  it('records 401, 403 (with who was refused) and a missing CSRF token', async () => {
    const anonymous = await t.request({ url: eventsUrl, remoteAddress: '192.0.2.53' });
    expect(anonymous.statusCode).toBe(401);
    expect(await eventFor(anonymous.headers['x-request-id'])).toMatchObject({ kind: 'not_authenticated', code: 'NOT_AUTHENTICATED', method: 'GET', route: '/api/v1/municipalities/:municipality/security-events', actorUserId: null });

    const forbidden = await t.request({ url: eventsUrl, as: resident });
    expect(forbidden.statusCode).toBe(403);
    expect(await eventFor(forbidden.headers['x-request-id'])).toMatchObject({ kind: 'forbidden', code: 'FORBIDDEN', actorUserId: residentId });

    const withoutToken = await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, headers: { cookie: resident.cookie }, payload: { wantsEmailCopies: true, wantsDailyDigest: false } });
    expect(withoutToken.statusCode).toBe(403);
    expect(await eventFor(withoutToken.headers['x-request-id'])).toMatchObject({ kind: 'csrf_token_invalid', code: 'CSRF_TOKEN_INVALID', method: 'PUT', actorUserId: residentId });
  });

  it('records a rate-limited request and invalid input by field name, never the values or the query string', async () => {
    let limited: Awaited<ReturnType<typeof t.request>> | undefined;
    for (let index = 0; index < 6; index++) limited = await t.request({ url: `${tenantPath}/neighbourhoods`, remoteAddress: '192.0.2.54' });
    expect(limited!.statusCode).toBe(429);
    expect(await eventFor(limited!.headers['x-request-id'])).toMatchObject({ kind: 'rate_limited', code: 'RATE_LIMITED', clientAddress: '192.0.2.54', route: '/api/v1/municipalities/:municipality/neighbourhoods' });

    const invalid = await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=1000&search=geheim-zoekwoord`, remoteAddress: '192.0.2.55' });
    expect(invalid.statusCode).toBe(400);
    expect(await eventFor(invalid.headers['x-request-id'])).toMatchObject({ kind: 'validation_failed', code: 'VALIDATION_FAILED', reason: 'querystring.pageSize', route: '/api/v1/municipalities/:municipality/neighbourhoods' });
  });

  it('records no 404 or success, and keeps no secret anywhere in the table', async () => {
    const before = (await recordedEvents()).length;
    expect((await t.request({ url: `${tenantPath}/requests/00000000-0000-4000-8000-000000000000`, as: admin })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/neighbourhoods`, as: admin })).statusCode).toBe(200);
    const events = await recordedEvents();
    expect(events).toHaveLength(before);
    const everything = JSON.stringify(events);
    for (const secret of [wrongPassword, demoPassword, demoEmails.officer, demoEmails.alderman, resident.cookie.split('=')[1], resident.csrfToken, 'geheim', '?']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('browsing', () => {
  it('shows administrators this municipality’s events newest first, filtered and paged', async () => {
    const all = (await t.request({ url: `${eventsUrl}?pageSize=100`, as: admin })).json();
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    const ids = all.items.map((item: { id: number }) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const failed = (await t.request({ url: `${eventsUrl}?kind=failed_login`, as: admin })).json().items as { kind: string; clientAddress: string }[];
    expect(failed.map((item) => item.clientAddress).sort()).toEqual(['192.0.2.50', '192.0.2.51', '192.0.2.51', '192.0.2.52']);
    expect((await t.request({ url: `${eventsUrl}?address=192.0.2.54`, as: admin })).json().items.map((item: { kind: string }) => item.kind)).toEqual(['rate_limited']);
    const residents = (await t.request({ url: `${eventsUrl}?actorUserId=${residentId}`, as: admin })).json().items as { kind: string }[];
    expect(residents.map((item) => item.kind).sort()).toEqual(['csrf_token_invalid', 'failed_login', 'forbidden']);
    const later = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await t.request({ url: `${eventsUrl}?from=${encodeURIComponent(later)}`, as: admin })).json().items).toEqual([]);
    expect((await t.request({ url: `${eventsUrl}?to=${encodeURIComponent(later)}&pageSize=100`, as: admin })).json().items).toHaveLength(all.items.length);

    const first = (await t.request({ url: `${eventsUrl}?pageSize=2`, as: admin })).json();
    expect(first.items).toHaveLength(2);
    const next = (await t.request({ url: `${eventsUrl}?pageSize=2&beforeId=${first.nextCursor}`, as: admin })).json();
    expect(next.items.map((item: { id: number }) => item.id)).toEqual(ids.slice(2, 4));
  });

  it('refuses everyone but administrators, and bad filters with 400 naming the field', async () => {
    for (const person of ['resident', 'advisor', 'officer', 'alderman', 'councilMember'] as const) {
      expect((await t.request({ url: eventsUrl, as: await t.logIn(person) })).statusCode).toBe(403);
    }
    const bad = await t.request({ url: `${eventsUrl}?kind=everything`, as: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.kind');
  });

  it('shows no other municipality’s events', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/municipalities/eindhoven/sessions', remoteAddress: '192.0.2.60', payload: { email: 'iemand@eindhoven.example', password: wrongPassword } });
    expect(response.statusCode).toBe(401);
    expect(await eventFor(response.headers['x-request-id'])).toMatchObject({ municipalityId: t.other.municipality.id, kind: 'failed_login' });
    expect((await t.request({ url: `${eventsUrl}?address=192.0.2.60`, as: admin })).json().items).toEqual([]);
  });
});

describe('threshold alerts', () => {
  const policy = { windowMinutes: 15, thresholds: { failed_login: 3 } };
  const alertsSent = () =>
    t.database.db
      .select()
      .from(outboxMessage)
      .where(and(eq(outboxMessage.municipalityId, t.municipalityId), like(outboxMessage.topic, 'security.alert.%'), eq(outboxMessage.channel, 'email')));
  const failures = (count: number) =>
    t.database.db.insert(securityEvent).values(
      Array.from({ length: count }, () => ({ municipalityId: t.municipalityId, occurredAt: t.clock.now(), kind: 'failed_login' as const, clientAddress: '192.0.2.70', method: 'POST', route: '/x', code: 'INVALID_CREDENTIALS' })),
    );

  it('e-mails the administrators once a window when a kind passes its threshold, and not below it', async () => {
    // Out of the window of what the tests above recorded.
    t.clock.advance(60 * 60_000);
    await failures(3);
    expect(await sendSecurityAlerts(t.database.db, t.clock, 'https://wijkwerk.example', policy)).toBe(0);
    expect(await alertsSent()).toHaveLength(0);

    await failures(1);
    expect(await sendSecurityAlerts(t.database.db, t.clock, 'https://wijkwerk.example', policy)).toBe(1);
    const sent = await alertsSent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipientEmail: demoEmails.admin, topic: 'security.alert.failed_login' });
    expect(sent[0].subject).toBe('Beveiligingsmelding: 4 mislukte inlogpogingen in 15 minuten');
    expect(sent[0].body).toContain('https://wijkwerk.example/helmond/beheer/beveiliging?soort=failed_login');

    // More in the same window: no second e-mail.
    t.clock.advance(5 * 60_000);
    await failures(10);
    expect(await sendSecurityAlerts(t.database.db, t.clock, 'https://wijkwerk.example', policy)).toBe(0);
    expect(await alertsSent()).toHaveLength(1);

    // A window later, still above the threshold: one more.
    t.clock.advance(16 * 60_000);
    await failures(4);
    expect(await sendSecurityAlerts(t.database.db, t.clock, 'https://wijkwerk.example', policy)).toBe(1);
    expect(await alertsSent()).toHaveLength(2);
  });
});

describe('retention', () => {
  it('deletes exactly the events older than the retention period', async () => {
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    const at = (ms: number) => ({ municipalityId: t.municipalityId, occurredAt: new Date(ms), kind: 'forbidden' as const, clientAddress: '192.0.2.80', method: 'GET', route: '/x', code: 'FORBIDDEN' });
    await t.database.db.insert(securityEvent).values([at(now - 400 * day), at(now - 365 * day - 1000), at(now - 365 * day + 1000), at(now - 10 * day)]);
    const before = await recordedEvents();
    expect(await deleteExpiredSecurityEvents(t.database.db, t.clock, 365)).toBe(2);
    const after = await recordedEvents();
    expect(after).toHaveLength(before.length - 2);
    expect(after.filter((event) => event.clientAddress === '192.0.2.80').map((event) => event.occurredAt.getTime())).toEqual([now - 365 * day + 1000, now - 10 * day]);
  });
});
