import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.ts';
import { createTestApp, type DemoIds, findDemoIds, type TestApp } from '../../../test/harness.ts';
import { findNames } from './audit-names.repository.ts';
import type { NamedEntityType } from './audit-reading.rules.ts';

let t: TestApp;
let ids: DemoIds;

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
});
afterAll(async () => t?.close());

/** The database, counting the queries made through it. */
function countingQueries(db: Executor) {
  const counter = { queries: 0 };
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'select' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.queries++;
          return value.apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy as Executor, counter };
}

describe('naming the ids of an audit page', () => {
  it('asks the database once per kind of record, however many ids there are', async () => {
    const { db, counter } = countingQueries(t.database.db);
    const references: [NamedEntityType, string][] = [];
    for (let index = 0; index < 50; index++) references.push(['user', ids.koen], ['user', ids.lotte], ['department', ids.verkeer], ['department', ids.groen], ['neighbourhood', ids.brandevoort]);
    const nameOf = await findNames(db, t.municipalityId, references, 'nl');
    expect(counter.queries).toBe(3);
    expect([nameOf('user', ids.koen), nameOf('department', ids.groen), nameOf('neighbourhood', ids.brandevoort)]).toEqual(['Koen Verhoeven', expect.any(String), 'Brandevoort']);
  });

  it('names nothing of another municipality', async () => {
    const nameOf = await findNames(t.database.db, t.municipalityId, [['department', t.other.department.id], ['user', t.other.admin.id]], 'nl');
    expect([nameOf('department', t.other.department.id), nameOf('user', t.other.admin.id)]).toEqual([undefined, undefined]);
  });
});
