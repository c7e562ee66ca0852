import { parseEncryptionKey } from './platform/secret-box.ts';
import { isIP } from 'node:net';
import { z } from 'zod';
import { type SecurityEventKind, securityEventKinds } from './platform/security-event-kinds.ts';

// Every environment variable Wijkwerk reads, parsed once. README's configuration table mirrors this list.
const booleanFromString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** Names @fastify/proxy-addr knows for the private ranges. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Whom to believe about the client's address: nobody (false), the given number of proxies in front
 * (a hop count), or only peers at the listed addresses and ranges. `true` believes anyone.
 */
export type TrustedProxies = boolean | number | string[];

const trustedProxies = z
  .string()
  .optional()
  .transform((value, context): TrustedProxies => {
    const trimmed = (value ?? '').trim();
    if (trimmed === '' || trimmed === 'false' || trimmed === '0') return false;
    if (trimmed === 'true') return true;
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    const entries = trimmed.split(',').map((entry) => entry.trim());
    const invalid = entries.filter((entry) => !isAddressOrRange(entry));
    if (invalid.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `"${invalid.join('", "')}" is not an IP address or CIDR range; use false, a number of proxies (1) or addresses and ranges separated by commas (127.0.0.1,10.0.0.0/8)`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** "failed_login=20,forbidden=50": per kind of security event, how many within the window are still normal. */
const securityAlertThresholds = z
  .string()
  .default('failed_login=20,login_throttled=10,csrf_token_invalid=20,forbidden=50,rate_limited=100')
  .transform((value, context): Partial<Record<SecurityEventKind, number>> => {
    const thresholds: Partial<Record<SecurityEventKind, number>> = {};
    for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [kind, count, ...rest] = entry.split('=').map((part) => part.trim());
      if (!(securityEventKinds as readonly string[]).includes(kind) || !/^\d+$/.test(count ?? '') || rest.length > 0) {
        context.addIssue({ code: 'custom', message: `"${entry}" is not kind=number; kinds are ${securityEventKinds.join(', ')}` });
        return z.NEVER;
      }
      thresholds[kind as SecurityEventKind] = Number(count);
    }
    return thresholds;
  });

/** The Netherlands' own base map: PDOK's BRT-Achtergrondkaart, free and open, in Web Mercator tiles. */
const pdokHost = 'service.pdok.nl';
export const pdokAttribution = 'Kaartgegevens © Kadaster';

/** The tile template with an example tile filled in, so it parses as an address. */
export function exampleTileAddress(template: string): URL | undefined {
  try {
    return new URL(template.replace(/\{[zxy]\}/g, '0'));
  } catch {
    return undefined;
  }
}

/**
 * An XYZ tile template (…/{z}/{x}/{y}.png). One fixed host, no `{s}` subdomains: its origin joins the CSP's
 * img-src, which cannot hold a pattern. No user name or password: the address is handed to every browser.
 */
const mapTileUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string()
    .trim()
    .optional()
    .superRefine((template, context) => {
      if (template === undefined) return;
      const address = exampleTileAddress(template);
      const problem = !['{z}', '{x}', '{y}'].every((placeholder) => template.includes(placeholder))
        ? 'must contain {z}, {x} and {y}'
        : /\{(?![zxy]\})[^}]*\}/.test(template)
          ? 'may contain only the placeholders {z}, {x} and {y} (one host: its origin joins the Content-Security-Policy)'
          : !address || !['https:', 'http:'].includes(address.protocol)
            ? 'must be an http(s) address'
            : address.username || address.password
              ? 'must not contain a user name or password (every browser receives it)'
              : undefined;
      if (problem) context.addIssue({ code: 'custom', message: `${problem}, e.g. https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png` });
    }),
);

/** Where uploaded files go when not in PostgreSQL: an S3-compatible bucket (S3_URL). */
export interface ObjectStorageSettings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (https://host/bucket/key), as MinIO, Ceph and Garage expect; false: in the host name. */
  forcePathStyle: boolean;
}

const objectStorageExample = 'https://ACCESS_KEY:SECRET@s3.example.nl/wijkwerk-files?region=eu-west-1';
const objectStorageParameters = new Set(['region', 'pathStyle']);

/** S3_URL read as an operator writes it; a string says what is wrong with it. */
export function parseObjectStorageUrl(value: string): ObjectStorageSettings | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not an address; write it as ${objectStorageExample}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must start with https:// (or http:// for a server on a private network), e.g. ${objectStorageExample}`;
  if (!url.username || !url.password) return `needs the access key and secret as user name and password (URL-encoded: / is %2F, + is %2B), e.g. ${objectStorageExample}`;
  const bucket = url.pathname.replace(/^\/|\/$/g, '');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return `needs the bucket as its path: one name of 3 to 63 lower-case letters, digits, dots and hyphens, e.g. ${objectStorageExample}`;
  const unknown = [...url.searchParams.keys()].filter((key) => !objectStorageParameters.has(key));
  if (unknown.length > 0) return `knows only the parameters region and pathStyle, not ${unknown.join(', ')}`;
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region)) return 'has a region that is not a region name, e.g. region=eu-west-1';
  const pathStyle = url.searchParams.get('pathStyle') ?? 'true';
  if (pathStyle !== 'true' && pathStyle !== 'false') return 'has pathStyle=true (the bucket in the path, the default) or pathStyle=false (the bucket in the host name)';
  let accessKeyId: string;
  let secretAccessKey: string;
  try {
    accessKeyId = decodeURIComponent(url.username);
    secretAccessKey = decodeURIComponent(url.password);
  } catch {
    return 'has an access key or secret that is not properly URL-encoded (/ is %2F, + is %2B, % is %25)';
  }
  return { endpoint: url.origin, bucket, region, accessKeyId, secretAccessKey, forcePathStyle: pathStyle === 'true' };
}

const objectStorageUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string()
    .trim()
    .optional()
    .superRefine((value, context) => {
      if (value === undefined) return;
      const parsed = parseObjectStorageUrl(value);
      if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
    }),
);

const environmentSchema = z.object({
  /** `production` turns on the checks below that refuse an unsafe configuration. */
  NODE_ENV: z.string().optional(),
  /** In production, allows an http:// PUBLIC_URL: only for a local test with nothing in front. */
  ALLOW_INSECURE_HTTP: booleanFromString,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Unset: http://localhost:PORT, so links in e-mail point where the server listens. */
  PUBLIC_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  DATABASE_URL: z.string().optional(),
  /**
   * The role that owns the tables and runs migrations; DATABASE_URL is then the runtime role, which may not
   * change the schema nor the audit log (npm run db:grant-runtime). Unset: DATABASE_URL does both.
   */
  MIGRATION_DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** How recently a person must have confirmed who they are before changing roles, passwords, tokens and answer rules. */
  REAUTHENTICATION_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Administrators log in with a second factor. "optional" only for a test set-up; refused in production. */
  ADMIN_SECOND_FACTOR: z.enum(['required', 'optional']).default('required'),
  /** How long the e-mailed link to set a password works. */
  PASSWORD_LINK_HOURS: z.coerce.number().int().min(1).max(336).default(72),
  /** How long a "forgot my password" link works: the person asked for it and is waiting for it. */
  PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** How long the link that confirms a resident's registration works; unconfirmed registrations are deleted after it. */
  REGISTRATION_LINK_HOURS: z.coerce.number().int().min(1).max(336).default(24),
  /** Wrong passwords for one account from one IP address before that pair has to wait. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** The first wait; it doubles with every further failure of the pair, up to LOGIN_MAX_DELAY_MINUTES. */
  LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).default(60),
  LOGIN_MAX_DELAY_MINUTES: z.coerce.number().int().min(1).default(1440),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  TRUST_PROXY: trustedProxies,
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Wijkwerk <noreply@wijkwerk.local>'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  /** auto: seed an empty database unless in production; on: seed an empty database, production too. */
  DEMO_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
  /** For automated tests and trainings only: every demo login gets this password instead of a random one. */
  DEMO_PASSWORD: z.string().min(12).optional(),
  /** 32 random bytes (base64 or hex) that seal authenticator-app secrets in the database; required in production. */
  SECRET_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseEncryptionKey(value) !== undefined, 'must be 32 bytes as base64 (44 characters) or hex (64), e.g. from `openssl rand -base64 32`'),
  /** How long public lists may be served from memory; a change clears them at once, on every instance of one PostgreSQL database. */
  PUBLIC_CACHE_SECONDS: z.coerce.number().min(0).default(5),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Largest attachment (PDF or image) on a request; the upload route alone accepts bodies this large. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  /** All attachments one person has uploaded, together, at most this many bytes (default 100 MB). */
  ATTACHMENT_QUOTA_BYTES_PER_USER: z.coerce.number().int().min(1024).default(104_857_600),
  /** Largest photo with a public-space report (JPEG, PNG or WebP), before it is re-encoded; 413 beyond. */
  REPORT_PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  /**
   * An S3-compatible bucket for uploaded files (attachments, evidence, report photos), e.g.
   * https://ACCESS_KEY:SECRET@s3.example.nl/wijkwerk-files?region=eu-west-1. Unset: they are kept in PostgreSQL.
   */
  S3_URL: objectStorageUrl,
  /**
   * Requests per window (RATE_LIMIT_WINDOW_SECONDS) before a caller gets 429: reads per client address,
   * changes per logged-in user and per address for anonymous changes, uploads per user. Health checks, the
   * web app's files and the API documentation are never limited.
   */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_READS_PER_ADDRESS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_READS_PER_USER: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WRITES_PER_USER: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_WRITES_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_UPLOADS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** memory: each instance counts on its own; database: instances on one database share the counts of changes and uploads. */
  RATE_LIMIT_STORE: z.enum(['memory', 'database']).default('memory'),
  /** Security events older than this are deleted by the scheduled sweep. */
  SECURITY_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** The window in which the alert thresholds below are counted, per municipality. */
  SECURITY_ALERT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** More events of a kind than its number within the window e-mails the municipality's administrators, once a window. */
  SECURITY_ALERT_THRESHOLDS: securityAlertThresholds,
  WEB_DIST_DIR: z.string().default('./web/dist'),
  /** XYZ tile template of the base map under the wijk boundaries; unset: the boundaries on a plain background. */
  MAP_TILE_URL: mapTileUrl,
  /**
   * Address lookup for reporters (the PDOK Locatieserver's search API, e.g.
   * https://api.pdok.nl/bzk/locatieserver/search/v3_1); unset: reporters choose the place on the map only.
   */
  GEOCODER_URL: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.url({ protocol: /^https?$/ }).optional()),
  /** Who must be credited for the tiles, shown under the map; defaults to the Kadaster for PDOK's tiles. */
  MAP_TILE_ATTRIBUTION: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().max(200).optional()),
  /** A client must have sent all request headers within this time (slowloris), */
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).default(10),
  /** …and the whole request, body included, within this time. */
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).default(60),
  /** A connection on which nothing moves for this long is closed, whatever state it is in. */
  HTTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().min(1).default(120),
  /** An idle keep-alive connection is closed after this long. */
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().min(1).default(10),
  /** Open connections at most; new ones beyond are closed at once. */
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1000),
  /** Requests on one keep-alive connection before the server closes it (0: no limit). */
  // No limit by default: a proxy that reuses upstream connections would meet the close halfway a request (a 502).
  HTTP_MAX_REQUESTS_PER_CONNECTION: z.coerce.number().int().min(0).default(0),
  /** After SIGTERM the process is gone within this time, finished or not. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).default(10),
});

const configSchema = environmentSchema
  .refine((parsed) => parsed.HTTP_HEADERS_TIMEOUT_SECONDS <= parsed.HTTP_REQUEST_TIMEOUT_SECONDS, {
    path: ['HTTP_HEADERS_TIMEOUT_SECONDS'],
    message: 'must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS',
  })
  .refine((parsed) => !parsed.MIGRATION_DATABASE_URL || parsed.DATABASE_URL, {
    path: ['MIGRATION_DATABASE_URL'],
    message: 'needs DATABASE_URL as well (the embedded database has one user for everything)',
  })
  // Session cookies without Secure and passwords over plain http: production must be reached over https.
  .refine((parsed) => !isProduction(parsed) || parsed.ALLOW_INSECURE_HTTP || /^https:\/\//i.test(parsed.PUBLIC_URL ?? ''), {
    path: ['PUBLIC_URL'],
    message: 'must be an https:// address when NODE_ENV=production (set PUBLIC_URL=https://your.host, or ALLOW_INSECURE_HTTP=true for a local test with nothing in front)',
  })
  // Administrators without a second factor are a test set-up, never a live one.
  .refine((parsed) => !isProduction(parsed) || parsed.SECRET_ENCRYPTION_KEY !== undefined, {
    path: ['SECRET_ENCRYPTION_KEY'],
    message: 'is required when NODE_ENV=production: it seals the secrets of authenticator apps in the database (make one with `openssl rand -base64 32` and keep it apart from the backups)',
  })
  .refine((parsed) => !isProduction(parsed) || parsed.ADMIN_SECOND_FACTOR === 'required', {
    path: ['ADMIN_SECOND_FACTOR'],
    message: 'must be "required" when NODE_ENV=production: administrators always log in with a second factor',
  })
  // Tiles over plain http on an https page are mixed content: browsers upgrade or block them.
  .refine((parsed) => !isProduction(parsed) || parsed.ALLOW_INSECURE_HTTP || !parsed.MAP_TILE_URL || /^https:\/\//i.test(parsed.MAP_TILE_URL), {
    path: ['MAP_TILE_URL'],
    message: 'must be an https:// address when NODE_ENV=production, e.g. https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  })
  // Crediting the map's maker is a condition of every tile service's licence; only PDOK's is known here.
  .refine((parsed) => !parsed.MAP_TILE_URL || parsed.MAP_TILE_ATTRIBUTION || exampleTileAddress(parsed.MAP_TILE_URL)?.hostname === pdokHost, {
    path: ['MAP_TILE_ATTRIBUTION'],
    message: 'is required with a MAP_TILE_URL that is not PDOK\'s: the text that credits the map\'s maker as its licence asks, e.g. "© OpenStreetMap contributors"',
  })
  .transform((parsed) => ({
    ...parsed,
    PUBLIC_URL: parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`,
    MAP_TILE_ATTRIBUTION: parsed.MAP_TILE_URL ? (parsed.MAP_TILE_ATTRIBUTION ?? pdokAttribution) : undefined,
  }));

export type Config = z.infer<typeof configSchema>;

export function isProduction(config: { NODE_ENV?: string }): boolean {
  return config.NODE_ENV === 'production';
}

/** The connection that runs migrations: the migration role's when it is set apart, otherwise the server's own. */
export function migrationDatabaseUrl(config: Pick<Config, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'>): string | undefined {
  return config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
}

/** The base map under the wijk boundaries, if one is configured: the tile template and who to credit. */
export function baseMapOf(config: Pick<Config, 'MAP_TILE_URL' | 'MAP_TILE_ATTRIBUTION'>): { tileUrl: string; attribution: string } | null {
  if (!config.MAP_TILE_URL) return null;
  return { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION ?? pdokAttribution };
}

/** The origin of the base map's tile server (it joins the CSP's img-src), if one is configured. */
export function mapTileOrigin(config: Pick<Config, 'MAP_TILE_URL'>): string | undefined {
  return config.MAP_TILE_URL ? exampleTileAddress(config.MAP_TILE_URL)?.origin : undefined;
}

/** Whether an empty database gets the Helmond demo: never in production unless asked for with DEMO_SEED=on. */
export function isDemoSeeded(config: { NODE_ENV?: string; DEMO_SEED: Config['DEMO_SEED'] }): boolean {
  return config.DEMO_SEED === 'on' || (config.DEMO_SEED === 'auto' && !isProduction(config));
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) {
    // One line, so that a log collector that splits on lines keeps the variable and the fix together.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Defaults for tests and tools that build the app without reading the environment. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({}), ...overrides };
}

/** The bucket for uploaded files, if S3_URL is set (the schema has checked it). */
export function objectStorageOf(config: Pick<Config, 'S3_URL'>): ObjectStorageSettings | undefined {
  if (!config.S3_URL) return undefined;
  const parsed = parseObjectStorageUrl(config.S3_URL);
  if (typeof parsed === 'string') throw new Error(`S3_URL ${parsed}`);
  return parsed;
}
