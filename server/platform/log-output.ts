import { write } from 'node:fs';

/** How much log text may wait for a slow reader before new lines are dropped. */
const defaultMaxQueuedBytes = 4 * 1024 * 1024;
const retryAfterBusyMs = 50;

export interface LogOutput {
  /** Queues text for the file descriptor; never waits for it (pino calls this for every log line). */
  write(text: string): boolean;
  /** Resolves when everything queued has been written, or after `timeoutMs`, whichever comes first. */
  drain(timeoutMs: number): Promise<void>;
  /** Lines dropped because the reader was gone or too slow. */
  readonly droppedLines: number;
}

/**
 * Log output that can never block the process. A `process.stdout` pipe is written synchronously on Linux,
 * and pino's own destination flushes synchronously on exit: with a reader that stopped reading (a terminal
 * paused, a log shipper stuck, a parent that exited but left the pipe open) either one parks the main
 * thread, and with it every request and the SIGTERM handler. Here writes go through the thread pool; text
 * queues up to a limit while the reader is slow and is dropped beyond it, and a closed pipe (EPIPE) drops
 * everything from then on.
 */
export function createLogOutput(fileDescriptor: number, maxQueuedBytes = defaultMaxQueuedBytes): LogOutput {
  let queue: Buffer[] = [];
  let queuedBytes = 0;
  let isWriting = false;
  let isClosed = false;
  let droppedLines = 0;
  let waiters: (() => void)[] = [];

  function settleWaiters() {
    if (isWriting || (queuedBytes > 0 && !isClosed)) return;
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  }

  function writeQueued() {
    if (isWriting || isClosed || queuedBytes === 0) return settleWaiters();
    const chunk = queue.length === 1 ? queue[0] : Buffer.concat(queue);
    queue = [];
    queuedBytes = 0;
    isWriting = true;
    write(fileDescriptor, chunk, 0, chunk.length, null, (error, written) => {
      isWriting = false;
      if (error && (error.code === 'EAGAIN' || error.code === 'EBUSY')) {
        requeue(chunk);
        setTimeout(writeQueued, retryAfterBusyMs).unref();
        return;
      }
      if (error) {
        // EPIPE, EBADF…: nobody reads this output any more; logging must not take the process down with it.
        isClosed = true;
        droppedLines += countLines(chunk) + queue.reduce((total, buffer) => total + countLines(buffer), 0);
        queue = [];
        queuedBytes = 0;
        return settleWaiters();
      }
      if (written < chunk.length) requeue(chunk.subarray(written));
      writeQueued();
    });
  }

  function requeue(rest: Buffer) {
    queue.unshift(rest);
    queuedBytes += rest.length;
  }

  return {
    write(text: string) {
      if (isClosed) {
        droppedLines++;
        return true;
      }
      const buffer = Buffer.from(text);
      if (queuedBytes + buffer.length > maxQueuedBytes) {
        droppedLines++;
        return true;
      }
      queue.push(buffer);
      queuedBytes += buffer.length;
      writeQueued();
      return true;
    },
    drain(timeoutMs: number) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        settleWaiters();
      });
    },
    get droppedLines() {
      return droppedLines;
    },
  };
}

function countLines(buffer: Buffer): number {
  let lines = 0;
  for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) lines++;
  return lines;
}
