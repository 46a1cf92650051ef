// Administration: a user can be disabled (users.disabled_at) and a role on a case revoked
// (case_roles.revoked_at). Both are marks, not deletions, so the audit log keeps covering every
// row it wrote and nothing an earlier entry recorded goes missing. Existing rows get NULL: every
// user stays enabled and every grant stays in force.
import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.js';

export const disableAndRevoke: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
    await db.schema.alterTable('case_roles').addColumn('revoked_at', 'text').execute();
  },
};
