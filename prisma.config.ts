import { defineConfig } from 'prisma/config';

// Prisma 7 reads its CLI settings here. `migrate` is not used in this repo's own workflow
// (see scripts/migrate.ts), but `prisma migrate deploy` elsewhere finds the same folder.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DIRECT_URL ?? process.env.DATABASE_URL ?? '' },
});
