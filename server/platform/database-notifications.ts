import pg from 'pg';

export interface ChannelListener {
  /** Settles once the first attempt to listen has succeeded or failed: never rejects. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

interface ListenOptions {
  connectionString: string;
  channel: string;
  /** A NOTIFY's payload, from any process on the database (this one included). */
  onNotification(payload: string): void;
  /**
   * Listening (again): whatever was notified before, while the connection was down or not yet there, never
   * arrives, so the caller must assume anything may have changed.
   */
  onListening(): void;
  log: { warn(object: unknown, message: string): void };
  /** The first pause before connecting again; it doubles up to 30 s. */
  firstRetryMilliseconds?: number;
}

const maxRetryMilliseconds = 30_000;

/**
 * LISTEN on a PostgreSQL channel over a connection of its own for as long as the process runs. A pooled
 * connection cannot do this: LISTEN belongs to a session, and the pool hands sessions round and closes
 * idle ones. When the connection drops (a restart or fail-over of PostgreSQL, a network cut) it connects
 * again with growing pauses, so a database that is down is not hammered and the process never crashes.
 */
export function listenToChannel(options: ListenOptions): ChannelListener {
  const firstRetry = options.firstRetryMilliseconds ?? 500;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let isStopped = false;
  let failures = 0;
  let settleReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    settleReady = resolve;
  });

  function scheduleReconnect() {
    if (isStopped || retryTimer) return;
    const pause = Math.min(firstRetry * 2 ** failures, maxRetryMilliseconds);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, pause);
    retryTimer.unref();
  }

  async function connect() {
    // keepAlive: an idle connection whose other end vanished without a word is noticed by the operating
    // system and reported as an error, instead of listening to nothing for ever. The application name
    // shows the connection for what it is in pg_stat_activity.
    const connection = new pg.Client({ connectionString: options.connectionString, keepAlive: true, connectionTimeoutMillis: 5000, application_name: 'wijkwerk notifications' });
    client = connection;
    let isLost = false;
    const lose = (error?: Error) => {
      if (isLost || isStopped) return;
      isLost = true;
      options.log.warn({ err: error, channel: options.channel }, 'lost the connection that listens for notifications; connecting again');
      connection.end().catch(() => {});
      scheduleReconnect();
    };
    connection.on('error', lose);
    connection.on('end', () => lose());
    connection.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload ?? '');
    });
    try {
      await connection.connect();
      await connection.query(`listen ${pg.escapeIdentifier(options.channel)}`);
    } catch (error) {
      if (!isLost && !isStopped) {
        isLost = true;
        options.log.warn({ err: error, channel: options.channel }, 'could not listen for notifications; trying again');
        connection.end().catch(() => {});
        scheduleReconnect();
      }
      settleReady();
      return;
    }
    if (isStopped) {
      await connection.end().catch(() => {});
      return;
    }
    failures = 0;
    options.onListening();
    settleReady();
  }

  void connect();
  return {
    ready,
    async stop() {
      isStopped = true;
      clearTimeout(retryTimer);
      settleReady();
      await client?.end().catch(() => {});
    },
  };
}
