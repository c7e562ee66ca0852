import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { createTestApp, demoEmails, demoPassword, type TestApp, tenantPath } from './harness.ts';

// The client address decides the per-address login limits and is stored with every session; whoever may set it
// through X-Forwarded-For can dodge the limits and hide where a login came from.

function logInFrom(t: TestApp, remoteAddress: string, forwardedFor: string | undefined, password: string) {
  return t.request({
    method: 'POST',
    url: `${tenantPath}/sessions`,
    remoteAddress,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    payload: { email: demoEmails.resident, password },
  });
}

/** The address recorded with the newest session, as an administrator would see it in the database. */
async function lastSessionAddress(t: TestApp): Promise<string | null> {
  const rows = await queryRows<{ ip_address: string | null }>(t.database.db, sql`select ip_address from user_session order by created_at desc, id desc limit 1`);
  return rows[0]?.ip_address ?? null;
}

async function expectRecordedAddress(t: TestApp, remoteAddress: string, forwardedFor: string, expected: string) {
  // A new app per case has a fixed clock: advance it so the newest session is the one just made.
  t.clock.advance(1000);
  expect((await logInFrom(t, remoteAddress, forwardedFor, demoPassword)).statusCode).toBe(201);
  expect(await lastSessionAddress(t)).toBe(expected);
}

describe('without TRUST_PROXY (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: 3 });
  });
  afterAll(async () => t?.close());

  it('ignores a forged X-Forwarded-For: a new forged address for every guess still meets the per-address limit', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await logInFrom(t, '198.51.100.20', `203.0.113.${attempt}`, `gok-${attempt}-wachtwoord`)).statusCode).toBe(401);
    }
    const fourth = await logInFrom(t, '198.51.100.20', '203.0.113.99', demoPassword);
    expect(fourth.statusCode).toBe(429);
    // Another real address is not held up.
    expect((await logInFrom(t, '198.51.100.21', '203.0.113.1', demoPassword)).statusCode).toBe(201);
  });

  it('records the socket address with the session, not the header', async () => {
    await expectRecordedAddress(t, '198.51.100.30', '203.0.113.7', '198.51.100.30');
  });
});

describe('TRUST_PROXY=1 (one proxy in front)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 1, LOGIN_MAX_FAILURES_PER_IP: 3 });
  });
  afterAll(async () => t?.close());

  it('takes the last X-Forwarded-For entry, the one the proxy added, and ignores what the client wrote before it', async () => {
    await expectRecordedAddress(t, '127.0.0.1', '192.0.2.66, 203.0.113.8', '203.0.113.8');
    await expectRecordedAddress(t, '127.0.0.1', '203.0.113.9', '203.0.113.9');
  });

  it('counts failed logins per client behind the proxy, so one client does not lock out the others', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await logInFrom(t, '127.0.0.1', `192.0.2.1, 203.0.113.50`, `gok-${attempt}-wachtwoord`)).statusCode).toBe(401);
    }
    expect((await logInFrom(t, '127.0.0.1', '192.0.2.2, 203.0.113.50', demoPassword)).statusCode).toBe(429);
    expect((await logInFrom(t, '127.0.0.1', '203.0.113.51', demoPassword)).statusCode).toBe(201);
  });
});

describe('TRUST_PROXY with addresses and ranges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: ['127.0.0.1', '10.0.0.0/8'] });
  });
  afterAll(async () => t?.close());

  it('believes X-Forwarded-For from a listed proxy', async () => {
    await expectRecordedAddress(t, '10.20.30.40', '203.0.113.10', '203.0.113.10');
    await expectRecordedAddress(t, '127.0.0.1', '203.0.113.11', '203.0.113.11');
  });

  it('skips every listed proxy in a chain, but stops at the first address that is not one', async () => {
    await expectRecordedAddress(t, '127.0.0.1', '192.0.2.77, 203.0.113.12, 10.1.1.1', '203.0.113.12');
  });

  it('ignores X-Forwarded-For from a direct peer that is not a listed proxy', async () => {
    await expectRecordedAddress(t, '198.51.100.40', '203.0.113.13', '198.51.100.40');
  });
});
