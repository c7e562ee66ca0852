import type { FieldProblem } from '../../platform/errors.ts';
import { commonPasswords } from './common-passwords.ts';

export const minimumPasswordLength = 12;
/** Long enough for any passphrase or manager-generated password; longer only costs hashing time. */
export const maximumPasswordLength = 128;

/** Folds a password to the word people build it from: "Welkom123456!" → "welkom". */
function baseWord(password: string): string {
  return password
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '')
    .replace(/\d+$/, '')
    .replace(/^\d+/, '');
}

function isRepetitive(password: string): boolean {
  const distinct = new Set(password.toLowerCase());
  if (distinct.size <= 3) return true;
  // "abcabcabcabc", "passwordpassword": a short unit repeated.
  for (let unit = 1; unit <= password.length / 2; unit++) {
    if (password.length % unit === 0 && password.slice(0, unit).repeat(password.length / unit).toLowerCase() === password.toLowerCase()) return true;
  }
  return false;
}

const sequences = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc', 'azertyuiop'];

function isSequence(password: string): boolean {
  const folded = password.toLowerCase();
  return sequences.some((sequence) => (sequence + sequence).includes(folded) || sequence.includes(folded.slice(0, 10)));
}

/** The password rules of account creation and password change; empty when the password is acceptable. */
export function checkPasswordStrength(password: string, email: string, field = 'password'): FieldProblem[] {
  if (password.length < minimumPasswordLength) return [{ field, code: 'passwordTooShort', params: { minimum: minimumPasswordLength } }];
  if (password.length > maximumPasswordLength) return [{ field, code: 'passwordTooLong', params: { maximum: maximumPasswordLength } }];
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) return [{ field, code: 'passwordContainsEmail' }];
  const folded = password.toLowerCase();
  const base = baseWord(password);
  const known = commonPasswords();
  if (known.has(folded) || known.has(base) || base.length < 4 || isRepetitive(password) || isSequence(password)) {
    return [{ field, code: 'passwordTooCommon' }];
  }
  return [];
}
