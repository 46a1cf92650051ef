// Schema migrations, applied in name order when a store is opened. One file per migration; a
// migration never loses user data: one that changes how data is kept (010) copies every row into
// the new form and counts the copy before it removes the old one.
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from './helpers.js';
import { casesAndEvidence } from './001-cases-and-evidence.js';
import { sanctions } from './002-sanctions.js';
import { accounts } from './004-accounts.js';
import { events } from './003-events.js';
import { eventSources } from './005-event-sources.js';
import { auditCoversData } from './006-audit-covers-data.js';
import { disableAndRevoke } from './007-disable-and-revoke.js';
import { screeningIndex } from './008-screening-index.js';
import { screeningIndexUncompressed } from './009-screening-index-uncompressed.js';
import { eventNames } from './010-event-names.js';

export type { Dialect } from './helpers.js';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-22-001-cases-and-evidence': casesAndEvidence(dialect),
    '2026-11-22-002-sanctions': sanctions(dialect),
    '2026-11-22-003-events': events(dialect),
    '2026-11-22-004-accounts': accounts,
    '2026-12-01-005-event-sources': eventSources(dialect),
    '2026-12-03-006-audit-covers-data': auditCoversData(dialect),
    '2026-12-03-007-disable-and-revoke': disableAndRevoke,
    '2026-12-03-008-screening-index': screeningIndex(dialect),
    '2026-12-03-009-screening-index-uncompressed': screeningIndexUncompressed(dialect),
    '2026-12-03-010-event-names': eventNames(dialect),
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
