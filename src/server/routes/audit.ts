// The audit log's integrity check, for instance admins.
import { verifyAudit } from '../../audit/log.js';
import { admin } from '../access.js';
import type { App, RouteContext } from '../app.js';

export function auditRoutes(app: App, ctx: RouteContext): void {
  app.get('/api/audit/verify', {
    config: { access: admin },
    schema: { summary: 'Check the hash chain of the audit log (same JSON as deeds audit verify --json)', tags: ['audit'] },
  }, async () => verifyAudit(ctx.store.db));
}
