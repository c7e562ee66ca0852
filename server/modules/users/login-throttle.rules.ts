/**
 * How failed logins slow down guessing without letting anyone lock a person out.
 *
 * Failures count per account *and* address: a stranger guessing someone's password from one address waits
 * longer and longer after each wrong guess there, while the owner, from any other address, is not held up.
 * Guessing across many accounts from one address meets the per-address limit; guessing one account from
 * many addresses meets each address's limits and the cost of a password hash per guess.
 */
export interface LoginThrottlePolicy {
  /** Wrong passwords for one account from one address before the first wait. */
  freeFailuresPerAccountAndAddress: number;
  /** The first wait; every further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest wait; failures older than this are forgotten. */
  maxDelayMinutes: number;
  /** Failed logins from one address, whatever the account, within `addressWindowMinutes`. */
  maxFailuresPerAddress: number;
  addressWindowMinutes: number;
}

/** How long a wait may become, and so how far back the failures of an account from an address count. */
export function accountAddressMemoryMs(policy: LoginThrottlePolicy): number {
  return policy.maxDelayMinutes * 60_000;
}

/**
 * Seconds until this account may be tried again from this address (0: now), given the earlier failures
 * remembered for the pair. After the free failures the wait starts at `firstDelaySeconds` and doubles with
 * each further failure, counted from the last one, up to `maxDelayMinutes`.
 */
export function secondsUntilAccountAddressRetry(earlierFailures: Date[], now: Date, policy: LoginThrottlePolicy): number {
  const beyondFree = earlierFailures.length - policy.freeFailuresPerAccountAndAddress;
  if (beyondFree < 0) return 0;
  const delayMs = Math.min(policy.firstDelaySeconds * 1000 * 2 ** beyondFree, policy.maxDelayMinutes * 60_000);
  const lastFailure = Math.max(...earlierFailures.map((failure) => failure.getTime()));
  return Math.max(0, Math.ceil((lastFailure + delayMs - now.getTime()) / 1000));
}

/** Seconds until this address may try again (0: now), given its failures within the window, this attempt included. */
export function secondsUntilAddressRetry(failuresInWindow: number, policy: LoginThrottlePolicy): number {
  return failuresInWindow > policy.maxFailuresPerAddress ? policy.addressWindowMinutes * 60 : 0;
}

/**
 * The address a failure counts against. One IPv6 subscriber gets a whole /64 and can pick a new address
 * in it for every guess, so IPv6 addresses count per /64; IPv4-mapped IPv6 addresses count as the IPv4
 * address they are.
 */
export function throttledAddress(ipAddress: string): string {
  const address = ipAddress.trim().toLowerCase().replace(/%.*$/, '');
  if (!address.includes(':')) return address;
  const mapped = /^[0:]*:ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  const [head, tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
