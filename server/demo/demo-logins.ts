import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoLogin } from './seed.ts';

/**
 * What to tell about the demo logins of a freshly seeded database, without putting passwords in a log: on an
 * interactive terminal they are shown once; otherwise (a service manager, a container, a CI log) they go to a
 * file only this user can read, and the output says where. A shared DEMO_PASSWORD is known already, so only
 * the addresses are listed.
 */
export function announceDemoLogins(logins: DemoLogin[], options: { isTerminal: boolean; dataDir: string; sharedPassword?: string; adminSecondFactor?: boolean }): string {
  // Administrators add an authenticator app or passkey at their first login; say so before it surprises anyone.
  const note = options.adminSecondFactor === false ? '' : '\n  (the admin adds an authenticator app or passkey at the first login)';
  const table = (withPasswords: boolean) => logins.map((login) => `  ${login.role.padEnd(15)} ${withPasswords ? `${login.email.padEnd(38)} ${login.password}` : login.email}`).join('\n') + note;
  if (options.sharedPassword) return `\nHelmond demo loaded. Demo logins (password: the DEMO_PASSWORD you set):\n${table(false)}\n\n`;
  if (options.isTerminal) return `\nHelmond demo loaded. Demo logins (shown only now):\n${table(true)}\n\n`;
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.resolve(options.dataDir, 'demo-logins.txt');
  writeFileSync(file, `Helmond demo logins\n${table(true)}\n`, { mode: 0o600 });
  return `\nHelmond demo loaded. The demo logins are in ${file} (readable only by this user); delete it once you have them.\n\n`;
}
