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
