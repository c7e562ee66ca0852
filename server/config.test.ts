import { describe, expect, it } from 'vitest';
import { baseMapOf, isDemoSeeded, loadConfig, migrationDatabaseUrl, objectStorageOf } from './config.ts';

describe('configuration', () => {
  it('points PUBLIC_URL at the port the server listens on when it is not set', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3999' }).PUBLIC_URL).toBe('http://localhost:3999');
    expect(loadConfig({ PORT: '3999', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:3999');
  });

  it('migrates as the migration role when one is set apart, otherwise over DATABASE_URL', () => {
    const runtime = 'postgres://wijkwerk_app@db/wijkwerk';
    const owner = 'postgres://wijkwerk_owner@db/wijkwerk';
    expect(migrationDatabaseUrl(loadConfig({ DATABASE_URL: runtime }))).toBe(runtime);
    expect(migrationDatabaseUrl(loadConfig({ DATABASE_URL: runtime, MIGRATION_DATABASE_URL: owner }))).toBe(owner);
    expect(migrationDatabaseUrl(loadConfig({}))).toBeUndefined();
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
  });

  it('keeps a PUBLIC_URL that is set, whatever the port', () => {
    expect(loadConfig({ PORT: '3999', PUBLIC_URL: 'https://wijkwerk.helmond.nl' }).PUBLIC_URL).toBe('https://wijkwerk.helmond.nl');
  });

  it('names the variable that has a wrong value', () => {
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ PUBLIC_URL: 'wijkwerk' })).toThrow(/PUBLIC_URL/);
  });
});

describe('object storage for uploaded files', () => {
  it('keeps files in PostgreSQL unless S3_URL is set', () => {
    expect(objectStorageOf(loadConfig({}))).toBeUndefined();
    expect(objectStorageOf(loadConfig({ S3_URL: '  ' }))).toBeUndefined();
  });

  it('reads the endpoint, bucket, region and URL-encoded key and secret, with the bucket in the path unless told otherwise', () => {
    expect(objectStorageOf(loadConfig({ S3_URL: 'https://AKIA123:se%2Fcr%2Bet@s3.example.nl:9000/wijkwerk-files?region=eu-west-1' }))).toEqual({
      endpoint: 'https://s3.example.nl:9000',
      bucket: 'wijkwerk-files',
      region: 'eu-west-1',
      accessKeyId: 'AKIA123',
      secretAccessKey: 'se/cr+et',
      forcePathStyle: true,
    });
    expect(objectStorageOf(loadConfig({ S3_URL: 'http://key:secret@127.0.0.1:9000/files/?pathStyle=false' }))).toMatchObject({ endpoint: 'http://127.0.0.1:9000', bucket: 'files', region: 'us-east-1', forcePathStyle: false });
  });

  it('says what is wrong with an S3_URL, on one line that names the variable, without repeating the secret', () => {
    const refusal = (value: string) => {
      try {
        loadConfig({ S3_URL: value });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('s3.example.nl/files')).toMatch(/^Invalid configuration: S3_URL: is not an address/);
    expect(refusal('s3://key:topsecret@s3.example.nl/files')).toMatch(/S3_URL: must start with https:\/\//);
    expect(refusal('https://s3.example.nl/files')).toMatch(/S3_URL: needs the access key and secret/);
    expect(refusal('https://key:topsecret@s3.example.nl/')).toMatch(/S3_URL: needs the bucket as its path/);
    expect(refusal('https://key:topsecret@s3.example.nl/files/more')).toMatch(/S3_URL: needs the bucket as its path/);
    expect(refusal('https://key:topsecret@s3.example.nl/Files')).toMatch(/S3_URL: needs the bucket as its path/);
    expect(refusal('https://key:topsecret@s3.example.nl/files?tls=false')).toMatch(/S3_URL: knows only the parameters region and pathStyle, not tls/);
    expect(refusal('https://key:topsecret@s3.example.nl/files?region=EU West')).toMatch(/S3_URL: has a region/);
    expect(refusal('https://key:topsecret@s3.example.nl/files?pathStyle=yes')).toMatch(/S3_URL: has pathStyle=true/);
    expect(refusal('https://key:top%E0secret@s3.example.nl/files')).toMatch(/S3_URL: has an access key or secret that is not properly URL-encoded/);
    for (const value of ['s3://key:topsecret@s3.example.nl/files', 'https://key:topsecret@s3.example.nl/', 'https://key:topsecret@s3.example.nl/files?tls=false']) expect(refusal(value)).not.toContain('topsecret');
  });
});

describe('trusted proxies', () => {
  it('trusts no proxy by default, and reads a hop count, a list of addresses and ranges, or true', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it.each(['yes', '10.0.0.0/33', '::1/129', '127.0.0.1,proxy.example.org', '10.0.0.0/8/8', '-1', '1.5', '127.0.0.1,'])('refuses TRUST_PROXY=%s at start, naming the variable', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY: .*is not an IP address or CIDR range/);
  });
});

describe('the base map', () => {
  const pdok = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

  it('is off by default, and credits the Kadaster for PDOK\'s tiles unless told otherwise', () => {
    expect(baseMapOf(loadConfig({}))).toBeNull();
    expect(baseMapOf(loadConfig({ MAP_TILE_URL: '', MAP_TILE_ATTRIBUTION: 'Iets' }))).toBeNull();
    expect(baseMapOf(loadConfig({ MAP_TILE_URL: pdok }))).toEqual({ tileUrl: pdok, attribution: 'Kaartgegevens © Kadaster' });
    expect(baseMapOf(loadConfig({ MAP_TILE_URL: pdok, MAP_TILE_ATTRIBUTION: 'Kaartgegevens © Kadaster (BRT)' }))?.attribution).toBe('Kaartgegevens © Kadaster (BRT)');
    expect(baseMapOf(loadConfig({ MAP_TILE_URL: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Testkaart' }))).toEqual({ tileUrl: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', attribution: 'Testkaart' });
  });

  it.each([
    ['https://service.pdok.nl/brt/{z}/{x}.png', /MAP_TILE_URL: must contain \{z\}, \{x\} and \{y\}, e\.g\. https:\/\/service\.pdok\.nl/],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', /MAP_TILE_URL: may contain only the placeholders/],
    ['tiles/{z}/{x}/{y}.png', /MAP_TILE_URL: must be an http\(s\) address/],
    ['ftp://tiles.example.org/{z}/{x}/{y}.png', /MAP_TILE_URL: must be an http\(s\) address/],
    ['https://user:secret@tiles.example.org/{z}/{x}/{y}.png', /MAP_TILE_URL: must not contain a user name or password/],
  ])('refuses MAP_TILE_URL=%s at start, saying what a good one looks like', (value, message) => {
    expect(() => loadConfig({ MAP_TILE_URL: value, MAP_TILE_ATTRIBUTION: 'Test' })).toThrow(message);
  });

  it('needs an attribution for tiles that are not PDOK\'s', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tile.example.org/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_ATTRIBUTION: is required with a MAP_TILE_URL that is not PDOK's/);
  });
});

describe('production', () => {
  const key = 'q3Ft0Qm2Zr1mXk4pW8yN5aV7cJ9eL2gH6tB0sD3fR1o=';
  const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://wijkwerk.helmond.nl', SECRET_ENCRYPTION_KEY: key };

  it('refuses a PUBLIC_URL that is not https, on one line that names the variable and the fix', () => {
    for (const publicUrl of ['http://wijkwerk.helmond.nl', 'http://localhost:3000', '']) {
      expect(() => loadConfig({ ...production, PUBLIC_URL: publicUrl })).toThrow(
        /^Invalid configuration: PUBLIC_URL: must be an https:\/\/ address when NODE_ENV=production \(set PUBLIC_URL=https:\/\/.*ALLOW_INSECURE_HTTP=true.*\)$/,
      );
    }
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig(production).PUBLIC_URL).toBe('https://wijkwerk.helmond.nl');
  });

  it('allows http only when ALLOW_INSECURE_HTTP=true is set explicitly, and outside production', () => {
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_INSECURE_HTTP: 'true', SECRET_ENCRYPTION_KEY: key }).PUBLIC_URL).toBe('http://localhost:3000');
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOW_INSECURE_HTTP: 'false', SECRET_ENCRYPTION_KEY: key })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ NODE_ENV: 'development', PUBLIC_URL: 'http://wijkwerk.test' }).PUBLIC_URL).toBe('http://wijkwerk.test');
  });

  it('needs a key that seals the secrets of authenticator apps, and names how to make one', () => {
    const { SECRET_ENCRYPTION_KEY: _key, ...withoutKey } = production;
    expect(() => loadConfig(withoutKey)).toThrow(/^Invalid configuration: SECRET_ENCRYPTION_KEY: is required when NODE_ENV=production.*openssl rand -base64 32/);
    expect(() => loadConfig({ ...production, SECRET_ENCRYPTION_KEY: 'te-kort' })).toThrow(/SECRET_ENCRYPTION_KEY: must be 32 bytes/);
    expect(loadConfig({ ...production, SECRET_ENCRYPTION_KEY: 'ab'.repeat(32) }).SECRET_ENCRYPTION_KEY).toBe('ab'.repeat(32));
  });

  it('refuses administrators without a second factor', () => {
    expect(() => loadConfig({ ...production, ADMIN_SECOND_FACTOR: 'optional' })).toThrow(/ADMIN_SECOND_FACTOR: must be "required" when NODE_ENV=production/);
    expect(loadConfig({ ADMIN_SECOND_FACTOR: 'optional' }).ADMIN_SECOND_FACTOR).toBe('optional');
  });

  it('takes base map tiles only over https', () => {
    expect(() => loadConfig({ ...production, MAP_TILE_URL: 'http://tiles.helmond.nl/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Gemeente Helmond' })).toThrow(/MAP_TILE_URL: must be an https:\/\/ address when NODE_ENV=production/);
    expect(loadConfig({ ...production, MAP_TILE_URL: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png' }).MAP_TILE_ATTRIBUTION).toBe('Kaartgegevens © Kadaster');
  });

  it('seeds the demo into an empty database in production only with DEMO_SEED=on', () => {
    expect(isDemoSeeded(loadConfig(production))).toBe(false);
    expect(isDemoSeeded(loadConfig({ ...production, DEMO_SEED: 'auto' }))).toBe(false);
    expect(isDemoSeeded(loadConfig({ ...production, DEMO_SEED: 'on' }))).toBe(true);
    expect(isDemoSeeded(loadConfig({ ...production, DEMO_SEED: 'off' }))).toBe(false);
    expect(isDemoSeeded(loadConfig({}))).toBe(true);
    expect(isDemoSeeded(loadConfig({ DEMO_SEED: 'on' }))).toBe(true);
    expect(isDemoSeeded(loadConfig({ DEMO_SEED: 'off' }))).toBe(false);
    expect(() => loadConfig({ DEMO_SEED: 'always' })).toThrow(/DEMO_SEED/);
  });
});
