import { describe, expect, it } from 'vitest';
import { type LoginThrottlePolicy, secondsUntilAccountAddressRetry, secondsUntilAddressRetry } from './login-throttle.rules.ts';

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
