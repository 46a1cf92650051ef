// Where each kind of object is listed, shown and edited in the UI. The four kinds with a status
// keep their own index and status pages; every kind is created and edited under /objects/.
import type { EditableList } from './lists';

const enc = encodeURIComponent;
export const statusLists = ['commitments', 'conditions', 'leverage', 'claims'] as const;
const hasStatus = (list: string) => (statusLists as readonly string[]).includes(list);

export const casePath = (caseId: string) => `/cases/${enc(caseId)}`;

export function indexPath(caseId: string, list: EditableList | 'evidence'): string {
  return hasStatus(list) || list === 'evidence' ? `${casePath(caseId)}/${list}` : `${casePath(caseId)}/objects/${list}`;
}

export function viewPath(caseId: string, list: EditableList | 'evidence', key: string): string {
  return hasStatus(list) || list === 'evidence' ? `${casePath(caseId)}/${list}/${enc(key)}` : `${casePath(caseId)}/objects/${list}/${enc(key)}`;
}

export const editPath = (caseId: string, list: EditableList, key: string) => `${casePath(caseId)}/objects/${list}/${enc(key)}/edit`;
export const newPath = (caseId: string, list: EditableList) => `${casePath(caseId)}/objects/${list}/new`;

/** The key the API knows an object by: its id, or for a position without one, party and condition. */
export function keyOf(list: string, o: Record<string, unknown>): string {
  if (typeof o['id'] === 'string' && o['id']) return o['id'];
  if (list === 'positions') return `position:${String(o['party'])}:${String(o['condition'])}`;
  return '';
}
