import { Worker } from 'node:worker_threads';

/** How much earlier than the hard deadline the main thread gives up by itself, to log why and exit with 1. */
const mainThreadMarginMs = 500;

/**
 * Makes sure the process is gone `deadlineMs` from now, whatever happens. The main thread gives up a little
 * before the deadline and exits with 1; if it cannot (blocked in a system call, a busy loop), a watchdog
 * thread kills the process at the deadline: a timer on a blocked main thread never fires.
 */
export function enforceExitDeadline(deadlineMs: number, onGivingUp: () => void): void {
  setTimeout(
    () => {
      onGivingUp();
      process.exit(1);
    },
    Math.max(0, deadlineMs - mainThreadMarginMs),
  );
  // Plain script with no import or require: evaluated code runs as CommonJS or as a module depending on
  // how node was started (--input-type), and this must work either way.
  const watchdog = new Worker(`setTimeout(() => process.kill(${process.pid}, 'SIGKILL'), ${Math.round(deadlineMs)});`, { eval: true });
  watchdog.on('error', () => {});
  watchdog.unref();
}
