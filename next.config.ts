import type { NextConfig } from 'next';
import { parseEnv } from './lib/env';

// Validate configuration at build time too: a malformed setting fails `next build`, not the
// first request. DATABASE_URL itself is only required when the server starts (instrumentation.ts).
parseEnv(process.env);

const nextConfig: NextConfig = {
  serverExternalPackages: ['pg', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  poweredByHeader: false,
};

export default nextConfig;
