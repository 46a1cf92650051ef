// The audit log's integrity check, for instance admins.
import { verifyAudit } from '../../store/audit/log.js';
import { z } from 'zod';
import { admin } from '../access.js';
import { problemResponses } from '../problems.js';
import type { RoutePlugin } from '../plugin.js';

const BadRow = z.strictObject({ table: z.string(), key: z.array(z.string()), problem: z.string() });
const AuditVerify = z.union([
  z.strictObject({ ok: z.literal(true), entries: z.number(), head: z.string(), rows: z.number(), keyed_from: z.number().nullable() }),
  z.strictObject({ ok: z.literal(false), entries: z.number(), first_bad: z.number().nullable(), reason: z.string(), bad_rows: z.array(BadRow).optional() }),
]).meta({ id: 'AuditVerify', description: 'The audit chain checked: its head and the rows it covers, or the first entry that does not fit' });

export const auditRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/audit/verify', {
    config: { access: admin },
    schema: { summary: 'Check the hash chain of the audit log (same JSON as deeds audit verify --json)', tags: ['audit'], response: { 200: AuditVerify, ...problemResponses() } },
  }, async () => verifyAudit(store.db));
};
