import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every UI string comes from the catalogues, in Dutch and in English.

const i18nDirectory = path.resolve(import.meta.dirname, '..', 'web', 'src', 'i18n');
const sourceDirectory = path.resolve(import.meta.dirname, '..', 'web', 'src');

function catalogue(language: 'nl' | 'en'): Record<string, string> {
  return Object.assign(
    {},
    ...readdirSync(i18nDirectory)
      .filter((file) => file === `${language}.json` || file.endsWith(`.${language}.json`))
      .map((file) => JSON.parse(readFileSync(path.join(i18nDirectory, file), 'utf8'))),
  );
}

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(entry) ? [readFileSync(full, 'utf8')] : [];
  });
}

const dutch = catalogue('nl');
const english = catalogue('en');
const code = sources(sourceDirectory).join('\n');

describe('UI text catalogues', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
    for (const [key, text] of [...Object.entries(dutch), ...Object.entries(english)]) expect(text.trim(), key).not.toBe('');
  });

  it('contain every key the web app asks for', () => {
    const staticKeys = [...code.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)].map((match) => match[1]);
    expect(staticKeys.length).toBeGreaterThan(100);
    expect(staticKeys.filter((key) => !(key in dutch))).toEqual([]);
    const dynamicPrefixes = [...code.matchAll(/\bt\(`([a-zA-Z0-9_.]+)\$\{/g)].map((match) => match[1]);
    for (const prefix of dynamicPrefixes) expect(Object.keys(dutch).some((key) => key.startsWith(prefix)), prefix).toBe(true);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(dutch)) expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(dutch[key]));
  });
});
