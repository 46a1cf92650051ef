// Shapes of the administration routes, derived from the types generated from the server's
// OpenAPI document (web/src/api/schema.d.ts), so these pages cannot drift from the API.
import type { components } from '../api/schema';
import type { ResponseOf } from '../api/types';

type Schemas = components['schemas'];

export type UserListing = Schemas['UserListing'];
export type Grant = ResponseOf<'/api/cases/{case}/grants', 'get'>['grants'][number];
export type { ApiToken, AuditVerify, ImportJob } from '../api/types';
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = ResponseOf<'/api/audit/entries', 'get'>;

/** Who did something, in people's words: `user:alice` is alice, `cli:bob` is bob on the command line. */
export function actorName(actor: string): string {
  if (actor.startsWith('user:')) return actor.slice(5);
  if (actor.startsWith('cli:')) return `${actor.slice(4)} (command line)`;
  if (actor.startsWith('deeds:')) return `deeds (${actor.slice(6)})`;
  return actor;
}

export const when = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').slice(0, 16) : '');
