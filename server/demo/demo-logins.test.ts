import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announceDemoLogins } from './demo-logins.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-demo-logins-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const logins = [{ role: 'admin' as const, email: 'femke.janssen@helmond.example', displayName: 'Femke Janssen', password: 'Abcde-Fghij-Klmno-Pqrst' }];

describe('announcing the demo logins', () => {
  it('shows the passwords once on an interactive terminal, and that the admin adds a second factor', () => {
    const message = announceDemoLogins(logins, { isTerminal: true, dataDir: folder });
    expect(message).toContain('Abcde-Fghij-Klmno-Pqrst');
    expect(message).toContain('the admin adds an authenticator app or passkey at the first login');
    expect(announceDemoLogins(logins, { isTerminal: true, dataDir: folder, adminSecondFactor: false })).not.toContain('authenticator app');
  });

  it('keeps them out of a log: into a file only the owner can read, and says where', () => {
    const message = announceDemoLogins(logins, { isTerminal: false, dataDir: folder });
    expect(message).not.toContain('Abcde-Fghij-Klmno-Pqrst');
    const file = path.join(folder, 'demo-logins.txt');
    expect(message).toContain(file);
    expect(readFileSync(file, 'utf8')).toContain('femke.janssen@helmond.example          Abcde-Fghij-Klmno-Pqrst');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('lists only the addresses when everyone shares the DEMO_PASSWORD', () => {
    const message = announceDemoLogins(logins, { isTerminal: false, dataDir: folder, sharedPassword: 'Demo-wachtwoord-voor-tests-2026' });
    expect(message).toContain('femke.janssen@helmond.example');
    expect(message).not.toContain('Abcde');
    expect(message).not.toContain('Demo-wachtwoord-voor-tests-2026');
  });
});
