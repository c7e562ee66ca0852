import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.ts';
import { checkPasswordStrength } from './password.rules.ts';

const email = 'femke.janssen@helmond.example';

describe('password rules', () => {
  it.each([
    ['short', 'Kort-123', 'passwordTooShort'],
    ['a common word with digits', 'Welkom123456!', 'passwordTooCommon'],
    ['Dutch for password', 'Wachtwoord2026', 'passwordTooCommon'],
    ['a keyboard row', 'qwertyuiop12', 'passwordTooCommon'],
    ['a digit sequence', '123456789012', 'passwordTooCommon'],
    ['one character repeated', 'aaaaaaaaaaaaaaa', 'passwordTooCommon'],
    ['a short unit repeated', 'abcabcabcabc', 'passwordTooCommon'],
    ['a leaked password in other letter case', 'LeaveMeAlone', 'passwordTooCommon'],
    ['a leaked password, upper case', 'EDWARDCULLEN', 'passwordTooCommon'],
    ['a leaked word with digits around it', 'Corvette2026!', 'passwordTooCommon'],
    ['a rare leaked word with digits', 'dimazarya1234', 'passwordTooCommon'],
    ['the e-mail name', 'femke.janssen-2026', 'passwordContainsEmail'],
  ])('refuses %s', (_label, password, code) => {
    expect(checkPasswordStrength(password, email).map((problem) => problem.code)).toEqual([code]);
  });

  it.each(['paars-fietsbel-kanaal', 'Stiphout houdt van Mierlo 7', 'vAzee-Mz7Ax-kNCaa-drDqj'])('accepts %s', (password) => {
    expect(checkPasswordStrength(password, email)).toEqual([]);
  });

  it('accepts 128 characters and refuses 129, naming the maximum', () => {
    const passphrase = 'Stiphout houdt van Mierlo, ook in de regen; ';
    expect(checkPasswordStrength(passphrase.repeat(3).slice(0, 128), email)).toEqual([]);
    expect(checkPasswordStrength(passphrase.repeat(3).slice(0, 129), email, 'body.newPassword')).toEqual([{ field: 'body.newPassword', code: 'passwordTooLong', params: { maximum: 128 } }]);
  });

  it('knows tens of thousands of leaked passwords, compared case-insensitively', () => {
    expect(commonPasswords().size).toBeGreaterThan(10_000);
    expect(commonPasswords().has('foreveryoung')).toBe(true);
    expect(checkPasswordStrength('ForeverYoung', email)).toEqual([{ field: 'password', code: 'passwordTooCommon' }]);
  });

  it('names the field and the minimum length', () => {
    expect(checkPasswordStrength('kort', email, 'body.password')).toEqual([{ field: 'body.password', code: 'passwordTooShort', params: { minimum: 12 } }]);
  });
});
