// Runs once when a server instance starts: refuse to start with a bad configuration, register the
// alert evaluation run after writes, and create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD
// when there are no users yet.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv } = await import('./lib/env');
  const env = parseEnv(process.env, { requireDatabase: true });
  // Alerts are evaluated right after the writes that can open or close one (lib/alerts/soon.ts).
  const [{ registerAlertEvaluator }, { evaluateAlerts }] = await Promise.all([import('./lib/alerts/soon'), import('./lib/commands/alerts/evaluate')]);
  registerAlertEvaluator((rules) => evaluateAlerts({ rules }));
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD || !env.DATABASE_URL) return;
  const [{ default: pg }, { bootstrapAdmin }] = await Promise.all([import('pg'), import('./lib/auth/users-store')]);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  try {
    await client.connect();
    if (await bootstrapAdmin(client, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)) console.log(`[callboard] created the first admin, ${env.ADMIN_EMAIL}`);
  } catch (error) {
    console.error('[callboard] could not create the first admin:', (error as Error).message);
  } finally {
    await client.end().catch(() => undefined);
  }
}
