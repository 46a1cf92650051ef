// The audit log for instance admins to browse: entries newest first, a page at a time, optionally
// for one case or one action. The chain's integrity check is GET /api/audit/verify (audit.ts).
import { z } from 'zod';
import { admin } from '../access.js';
import type { RoutePlugin } from '../plugin.js';

const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string().describe('e.g. case.load, evidence.add, user.disable, role.revoke, sanctions.decide'),
  case_id: z.string().nullable(),
  object_ids: z.array(z.string()),
  hash: z.string(),
  rows: z.number().int().describe('how many stored rows the entry covers'),
}).meta({ id: 'AuditEntry' });

export const adminAuditRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/audit/entries', {
    config: { access: admin },
    schema: {
      summary: 'Audit log entries, newest first; pass the next_before of one page as before to get the next',
      tags: ['audit'],
      querystring: z.object({
        before: z.coerce.number().int().min(1).optional().describe('only entries with a smaller seq'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        case: z.string().max(100).optional(),
        action: z.string().max(60).optional(),
      }),
      response: { 200: z.object({ total: z.number().int(), entries: z.array(AuditEntry), next_before: z.number().int().nullable() }) },
    },
  }, async (request) => {
    const { before, limit, case: caseId, action } = request.query;
    let filtered = store.db.selectFrom('audit_log');
    if (caseId) filtered = filtered.where('case_id', '=', caseId);
    if (action) filtered = filtered.where('action', '=', action);
    const counted = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    let page = filtered.select(['seq', 'at', 'actor', 'action', 'case_id', 'object_ids', 'hash', 'rows']);
    if (before !== undefined) page = page.where('seq', '<', before);
    const rows = await page.orderBy('seq', 'desc').limit(limit + 1).execute();
    const entries = rows.slice(0, limit).map((r) => ({
      seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, case_id: r.case_id,
      object_ids: JSON.parse(r.object_ids) as string[], hash: r.hash,
      rows: r.rows ? (JSON.parse(r.rows) as unknown[]).length : 0,
    }));
    const last = entries.at(-1);
    return { total: Number(counted?.n ?? 0), entries, next_before: rows.length > limit && last ? last.seq : null };
  });
};
