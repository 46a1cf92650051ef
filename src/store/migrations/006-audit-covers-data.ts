// The audit log covers the data: entries record the rows their write stored (audit_log.rows),
// chains may be HMAC-keyed (audit_log.keyed), and API tokens get a scope. Existing entries stay as
// they are and still verify; one new entry records every row already in the covered tables, so
// from here on a change made to them outside deeds is noticed.
import type { Kysely, Migration } from 'kysely';
import { appendAudit } from '../audit/log.js';
import { coveredTables, tableRecords, type RowRecord } from '../audit/rows.js';
import type { Database } from '../schema.js';
import type { AnyDb, Dialect } from './helpers.js';

export function auditCoversData(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('audit_log').addColumn('rows', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('keyed', 'integer').execute();
      // Tokens made before scopes existed could do everything their user can: they keep that.
      await db.schema.alterTable('api_tokens').addColumn('scope', 'text', (c) => c.notNull().defaultTo('write')).execute();
      // The schema is now the one src/store/schema.ts describes.
      const typed = db as Kysely<Database>;
      const rows: RowRecord[] = [];
      for (const table of coveredTables) rows.push(...(await tableRecords(typed, table)));
      if (rows.length === 0) return;
      await appendAudit(typed, dialect, {
        actor: 'deeds:migration',
        action: 'audit.cover',
        caseId: null,
        objectIds: [],
        change: null,
        rows,
      });
    },
  };
}
