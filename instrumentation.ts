// Runs once when a server instance starts: refuse to start with a bad configuration.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv } = await import('./lib/env');
  parseEnv(process.env, { requireDatabase: true });
}
