// The persistent screening index's parts are stored uncompressed on PostgreSQL. Its bytes are
// mostly typed arrays that compress poorly, yet PostgreSQL spent about half of storing an index
// compressing them, and every read of a fresh process decompressed them again (a million-name
// index, 174 MB: storing 3.8–4.4 s compressed against 1.9–2.2 s not). Nothing is rewritten: parts
// stored before keep their compression and read as before; indexes built from now on are kept
// plain. SQLite never compresses a blob, so there it changes nothing.
import { sql, type Migration } from 'kysely';
import type { AnyDb, Dialect } from './helpers.js';

export function screeningIndexUncompressed(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`ALTER TABLE screening_index_parts ALTER COLUMN data SET STORAGE EXTERNAL`.execute(db);
    },
  };
}
