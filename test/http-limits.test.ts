import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

// A real listening server: timeouts and the connection cap live in Node's HTTP server, which inject bypasses.
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ HTTP_HEADERS_TIMEOUT_SECONDS: 1, HTTP_REQUEST_TIMEOUT_SECONDS: 2, HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: 1, HTTP_MAX_CONNECTIONS: 4 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t?.close());

interface Connection {
  socket: Socket;
  received: () => string;
  /** Milliseconds from connecting until the server closed the connection. */
  closed: Promise<number>;
}

async function open(): Promise<Connection> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
  });
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  const openedAt = performance.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - openedAt)));
  return { socket, received: () => received, closed };
}

/** Sends one byte every `everyMs` until the connection closes. */
function trickle(connection: Connection, everyMs: number) {
  const timer = setInterval(() => {
    if (!connection.socket.destroyed) connection.socket.write('x');
  }, everyMs);
  void connection.closed.then(() => clearInterval(timer));
}

const within = <T>(work: Promise<T>, milliseconds: number) => Promise.race([work, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), milliseconds))]);

describe('slow clients', () => {
  it('disconnects a client that sends its headers a byte at a time (slowloris) once the headers timeout has passed', async () => {
    const slow = await open();
    slow.socket.write('GET /healthz HTTP/1.1\r\nHost: wijkwerk\r\nX-Slow: ');
    trickle(slow, 200);
    const closedAfter = await within(slow.closed, 5000);
    expect(closedAfter).not.toBe('still open');
    expect(closedAfter).toBeGreaterThanOrEqual(900);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('disconnects a client that sends its body a byte at a time once the request timeout has passed', async () => {
    const slow = await open();
    slow.socket.write('POST /api/v1/municipalities/helmond/sessions HTTP/1.1\r\nHost: wijkwerk\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    trickle(slow, 200);
    const closedAfter = await within(slow.closed, 6000);
    expect(closedAfter).not.toBe('still open');
    expect(closedAfter).toBeGreaterThanOrEqual(1900);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const idle = await open();
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: wijkwerk\r\n\r\n');
    const closedAfter = await within(idle.closed, 4000);
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfter).not.toBe('still open');
  });
});

describe('the connection cap', () => {
  it('closes connections beyond the cap at once and serves the ones within it', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    // Half-sent requests keep them open; let the server see all four.
    for (const connection of held) connection.socket.write('GET /healthz HTTP/1.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const beyond = await open();
    expect(await within(beyond.closed, 1000)).not.toBe('still open');
    expect(beyond.received()).toBe('');
    held[0].socket.write('Host: wijkwerk\r\nConnection: close\r\n\r\n');
    await held[0].closed;
    expect(held[0].received()).toMatch(/^HTTP\/1\.1 200/);
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    // With room again, new connections are served.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
