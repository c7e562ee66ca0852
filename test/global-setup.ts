import type { TestProject } from 'vitest/node';
import { createTestDatabaseTemplates, type TestDatabaseTemplates } from './database-templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseTemplates: TestDatabaseTemplates;
  }
}

/** Migrations and the seed run once per `npm test`; test files copy the result (see test/database.ts). */
export default async function setup(project: TestProject) {
  const { templates, remove } = await createTestDatabaseTemplates();
  project.provide('testDatabaseTemplates', templates);
  return remove;
}
