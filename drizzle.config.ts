import { defineConfig } from 'drizzle-kit';

// Every concept keeps its tables beside its code; drizzle-kit collects them all.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/modules/*/*.tables.ts', './server/platform/*.tables.ts'],
  out: './server/db/migrations',
});
