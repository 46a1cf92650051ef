// The audit log's integrity check, for instance admins.
import { verifyAudit } from '../../store/audit/log.js';
import { admin } from '../access.js';
import type { RoutePlugin } from '../plugin.js';

export const auditRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/audit/verify', {
    config: { access: admin },
    schema: { summary: 'Check the hash chain of the audit log (same JSON as deeds audit verify --json)', tags: ['audit'] },
  }, async () => verifyAudit(store.db));
};
