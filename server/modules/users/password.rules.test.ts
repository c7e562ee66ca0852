import { describe, expect, it } from 'vitest';
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
    ['the e-mail name', 'femke.janssen-2026', 'passwordContainsEmail'],
  ])('refuses %s', (_label, password, code) => {
    expect(checkPasswordStrength(password, email).map((problem) => problem.code)).toEqual([code]);
  });

  it.each(['paars-fietsbel-kanaal', 'Stiphout houdt van Mierlo 7', 'vAzee-Mz7Ax-kNCaa-drDqj'])('accepts %s', (password) => {
    expect(checkPasswordStrength(password, email)).toEqual([]);
  });

  it('names the field and the minimum length', () => {
    expect(checkPasswordStrength('kort', email, 'body.password')).toEqual([{ field: 'body.password', code: 'passwordTooShort', params: { minimum: 12 } }]);
  });
});
