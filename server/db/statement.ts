import type { Db } from './client.ts';

/**
 * A hand-written statement run as a named prepared statement: PostgreSQL parses and plans it once per
 * connection, and no query is built per call. Only for a hot path whose SQL the query builder cannot say
 * in one statement (the tip write); everything else uses the builder. `db` may be a transaction.
 * Parameters are cast to their types in `text`, so pg and PGlite send them alike.
 */
export function namedStatement<Row>(name: string, text: string): (db: Db, params: unknown[]) => Promise<Row[]> {
  return async (db, params) => {
    const result = (await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as { rows: Row[] };
    return result.rows;
  };
}
