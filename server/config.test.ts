import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('points PUBLIC_URL at the port the server listens on when it is not set', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3999' }).PUBLIC_URL).toBe('http://localhost:3999');
    expect(loadConfig({ PORT: '3999', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:3999');
  });

  it('keeps a PUBLIC_URL that is set, whatever the port', () => {
    expect(loadConfig({ PORT: '3999', PUBLIC_URL: 'https://wijkwerk.helmond.nl' }).PUBLIC_URL).toBe('https://wijkwerk.helmond.nl');
  });

  it('names the variable that has a wrong value', () => {
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ PUBLIC_URL: 'wijkwerk' })).toThrow(/PUBLIC_URL/);
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
