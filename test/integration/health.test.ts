import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp } from '../helpers/test-app.ts';

describe.each(databaseKinds)('GET /api/health on %s', (kind) => {
  let database: TestDatabase;
  afterEach(() => database.dispose());

  it('answers ok with the database kind', async () => {
    database = await createTestDatabase(kind);
    const { app } = await createTestApp(database);
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: kind });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when the database cannot be reached', async () => {
    database = await createTestDatabase(kind);
    const { app } = await createTestApp(database);
    await database.close();
    const response = await app.request('/api/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', db: kind });
  });
});
