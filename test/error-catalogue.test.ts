import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The application, so every module has registered its own error codes and field messages.
import '../server/app.ts';
import { isKnownErrorCode, isKnownFieldMessage, renderProblem } from '../server/platform/errors.ts';

const serverFolder = path.join(import.meta.dirname, '..', 'server');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const sources = sourcesUnder(serverFolder).map((file) => ({ file: path.relative(serverFolder, file), text: readFileSync(file, 'utf8') }));
const matchesOf = (pattern: RegExp) => sources.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((match) => ({ file, code: match[1] })));

// Each module owns its error codes and field messages; the error handler must know every one that the code uses,
// or a person would read a bare code instead of a sentence.
describe('the error catalogue', () => {
  it('knows every error code a service throws', () => {
    const thrown = matchesOf(/new DomainError\('([A-Z_]+)'/g);
    expect(thrown.length).toBeGreaterThan(50);
    expect(thrown.filter(({ code }) => !isKnownErrorCode(code))).toEqual([]);
  });

  it('has a message in both languages for every field problem a rule or schema raises', () => {
    const raised = [...matchesOf(/field: [^,{}]+, code: '(\w+)'/g), ...matchesOf(/'field:(\w+)'/g)];
    expect(raised.length).toBeGreaterThan(40);
    expect(raised.filter(({ code }) => !isKnownFieldMessage(code))).toEqual([]);
  });

  it('words a module’s own code in the reader’s language', () => {
    expect(renderProblem('EXPORT_TOO_LARGE', 'nl', { params: { limit: 50000 } })).toMatchObject({ status: 422, title: 'Te veel voor één export' });
    expect(renderProblem('TOO_MANY_LOGIN_ATTEMPTS', 'en', { params: { minutes: 2 } })).toMatchObject({ status: 429, title: 'Too many attempts' });
  });
});
