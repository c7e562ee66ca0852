import { describe, expect, it } from 'vitest';
import { type LoginThrottlePolicy, secondsUntilAccountAddressRetry, secondsUntilAddressRetry, throttledAddress } from './login-throttle.rules.ts';

const policy: LoginThrottlePolicy = { freeFailuresPerAccountAndAddress: 5, firstDelaySeconds: 60, maxDelayMinutes: 1440, maxFailuresPerAddress: 30, addressWindowMinutes: 15 };
const now = new Date('2026-06-15T10:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const failures = (count: number, lastSecondsAgo = 0) => Array.from({ length: count }, (_, index) => secondsAgo(lastSecondsAgo + (count - 1 - index)));

describe('waiting after failed logins for one account from one address', () => {
  it.each([
    ['no failures', 0, 0, 0],
    ['four failures', 4, 0, 0],
    ['the fifth failure just now', 5, 0, 60],
    ['the fifth failure 40 s ago', 5, 40, 20],
    ['the fifth failure a minute ago', 5, 60, 0],
    ['the sixth failure just now', 6, 0, 120],
    ['the seventh failure just now', 7, 0, 240],
    ['the tenth failure just now', 10, 0, 1920],
    ['thirty failures: the longest wait', 30, 0, 86_400],
  ])('after %s', (_label, count, lastSecondsAgo, expected) => {
    expect(secondsUntilAccountAddressRetry(failures(count, lastSecondsAgo), now, policy)).toBe(expected);
  });
});

describe('the limit per address', () => {
  it('refuses for the whole window once the address is over its limit, and not before', () => {
    expect(secondsUntilAddressRetry(30, policy)).toBe(0);
    expect(secondsUntilAddressRetry(31, policy)).toBe(900);
  });
});

describe('the address a failure counts against', () => {
  it.each([
    ['an IPv4 address as it is', '192.0.2.17', '192.0.2.17'],
    ['an IPv6 address by its /64', '2001:db8:1234:5678:9abc:def0:1:2', '2001:db8:1234:5678::/64'],
    ['another address in the same /64 alike', '2001:0db8:1234:5678::ffff', '2001:db8:1234:5678::/64'],
    ['a shortened address', '2001:db8::1', '2001:db8:0:0::/64'],
    ['capitals and a zone', 'FE80::1%eth0', 'fe80:0:0:0::/64'],
    ['the loopback address', '::1', '0:0:0:0::/64'],
    ['an IPv4-mapped address as the IPv4 address', '::ffff:192.0.2.17', '192.0.2.17'],
    ['an IPv4-mapped address written out', '0:0:0:0:0:ffff:192.0.2.17', '192.0.2.17'],
  ])('%s', (_label, address, expected) => {
    expect(throttledAddress(address)).toBe(expected);
  });
});
