// The naive receiver the seed shows, as a baseline: Express, parse the JSON, one INSERT per
// request into a table of its own. No signature check, no dedupe, no projection.
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
await pool.query(
  `CREATE TABLE IF NOT EXISTS naive_webhook (id bigserial PRIMARY KEY, provider text NOT NULL, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
);

const app = express();
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.post('/webhooks/:provider', express.json({ limit: '1mb' }), async (req, res) => {
  try {
    await pool.query('INSERT INTO naive_webhook (provider, body) VALUES ($1, $2)', [req.params.provider, JSON.stringify(req.body)]);
    res.json({ ok: true });
  } catch (error) {
    res.status(500).json({ error: { code: 'insert_failed', message: (error as Error).message } });
  }
});

const server = app.listen(Number(process.env.PORT), '127.0.0.1');
// Match Next's keep-alive so the load client's sockets behave the same against both.
server.keepAliveTimeout = 5_000;
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
