/** Time comes from here so deadline and session tests can be exact. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export function createFixedClock(start: Date | string): Clock & { advance(milliseconds: number): void; set(to: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(milliseconds) {
      current = new Date(current.getTime() + milliseconds);
    },
    set(to) {
      current = new Date(to);
    },
  };
}
