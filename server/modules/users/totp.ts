import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

// Authenticator-app codes (RFC 6238): six digits, 30-second steps, SHA-1 — the parameters every app supports.
const periodSeconds = 30;

function totpOf(secretBase32: string, account: { issuer: string; label: string }) {
  return new TOTP({ issuer: account.issuer, label: account.label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: periodSeconds });
}

/** A new 160-bit secret (RFC 4226 §4) and what an app needs to take it over: the otpauth:// address and its QR code. */
export function newTotpEnrolment(account: { issuer: string; label: string }) {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpOf(secret, account).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/**
 * The time step of a code that is right now or one step either side (a phone's clock may be a little off),
 * or undefined. The caller refuses a step at or before the last one used, so an overheard code works once.
 */
export function acceptedTotpStep(secretBase32: string, code: string, at: Date): number | undefined {
  const normalised = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(normalised)) return undefined;
  const delta = totpOf(secretBase32, { issuer: 'Wijkwerk', label: 'check' }).validate({ token: normalised, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(at.getTime() / 1000 / periodSeconds) + delta;
}

/** The code for a moment: for tests and the demo, as an app would show it. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32, { issuer: 'Wijkwerk', label: 'check' }).generate({ timestamp: at.getTime() });
}
