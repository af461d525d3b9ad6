/**
 * The ceiling for `npm run bench:tips`: a Hono handler on @hono/node-server, alone in its process like the
 * portal, that reads the same multipart request and answers 201 with a receipt-shaped JSON — no parsing,
 * no captcha, no database. What the portal reaches is measured against what this reaches on the same machine.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono()
  .get('/api/health', (c) => c.json({ status: 'ok' }))
  .post('/api/tips', async (c) => {
    await c.req.arrayBuffer();
    return c.json({ receipt: '0000 0000 0000 0000', removedMetadata: [] }, 201);
  });
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.once('SIGTERM', () => process.exit(0));
