// OpenSanctions FollowTheMoney JSON lines: full entity exports (one entity a line) and delta
// files (`{"op": "ADD"|"MOD"|"DEL", "entity": {…}}`). Only entities one can screen against
// (persons, organisations, vessels, aircraft) become entries; addresses and the like are skipped.
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { SanctionsInputError } from '../errors.js';
import { dateFromFile, isoTimestamp } from './dates.js';
import { textOf, type ListSource } from '../source.js';
import type { BirthDate, EntryName, EntrySchema, ListDelta, ListSnapshot, SanctionsEntry } from '../types.js';

export const FTM_MAX_LINE = 16 * 1024 * 1024;

const SCHEMAS: Record<string, EntrySchema> = {
  Person: 'person', Organization: 'entity', Company: 'entity', LegalEntity: 'entity', PublicBody: 'entity', Vessel: 'vessel', Airplane: 'aircraft',
};

interface FtmEntity {
  id: string;
  caption?: string;
  schema?: string;
  properties?: Record<string, unknown>;
  datasets?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

const strings = (props: Record<string, unknown>, key: string): string[] => {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
};

function toEntry(e: FtmEntity): SanctionsEntry | undefined {
  const schema = SCHEMAS[e.schema ?? ''];
  if (!schema) return undefined;
  const props = e.properties ?? {};
  const names: EntryName[] = [];
  const add = (name: string, kind: EntryName['kind']) => {
    if (!names.some((n) => n.name === name)) names.push({ name, kind });
  };
  const primary = e.caption?.trim() || strings(props, 'name')[0];
  if (!primary) return undefined;
  add(primary, 'primary');
  for (const n of strings(props, 'name')) add(n, 'alias');
  for (const n of strings(props, 'alias')) add(n, 'alias');
  for (const n of strings(props, 'weakAlias')) add(n, 'weak_alias');
  for (const n of strings(props, 'previousName')) add(n, 'former');
  const birth: BirthDate[] = strings(props, 'birthDate').filter((d) => /^\d{4}(-\d{2}(-\d{2})?)?/.test(d)).map((d) => ({ date: d.slice(0, 10) }));
  const nationality = [...new Set([...strings(props, 'nationality'), ...strings(props, 'citizenship')].filter((c) => /^[a-z]{2}$/i.test(c)).map((c) => c.toUpperCase()))];
  const entry: SanctionsEntry = { ref: e.id, schema, name: primary, names, birth, nationality, programs: [...strings(props, 'program'), ...(e.datasets ?? [])] };
  const listed = strings(props, 'createdAt')[0] ?? e.first_seen;
  if (listed) entry.listed_on = listed.slice(0, 10);
  const notes = strings(props, 'notes').join(' ');
  if (notes) entry.remarks = notes;
  if (e.datasets?.length) entry.datasets = [...e.datasets];
  return entry;
}

const isEntity = (v: unknown): v is FtmEntity => typeof v === 'object' && v !== null && typeof (v as FtmEntity).id === 'string' && (v as FtmEntity).id !== '';

/** A snapshot (entity lines) or a delta (op lines); the first non-empty line decides which. */
export async function readFtm(source: ListSource): Promise<{ snapshot: ListSnapshot } | { delta: ListDelta }> {
  const file = source.name;
  const rejects: Array<{ line: number; reason: string }> = [];
  const entries = new Map<string, SanctionsEntry>();
  const deletes: string[] = [];
  let mode: 'entities' | 'delta' | undefined;
  let read = 0;
  let latest = '';
  let lineNo = 0;
  const input = Readable.from(textOf(source));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      lineNo++;
      if (raw.length > FTM_MAX_LINE) throw new SanctionsInputError(`a line longer than ${FTM_MAX_LINE / 1024 / 1024} MB`, file, lineNo);
      const line = raw.trim();
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new SanctionsInputError(`not JSON lines: ${(err as Error).message}`, file, lineNo);
      }
      const isOp = typeof value === 'object' && value !== null && 'op' in value;
      mode ??= isOp ? 'delta' : 'entities';
      if ((mode === 'delta') !== isOp) throw new SanctionsInputError('entity lines and delta (op) lines mixed in one file', file, lineNo);
      read++;
      const op = isOp ? String((value as { op: unknown }).op) : 'ADD';
      const entity = isOp ? (value as { entity?: unknown }).entity : value;
      if (!isEntity(entity) || !['ADD', 'MOD', 'DEL'].includes(op)) {
        rejects.push({ line: lineNo, reason: 'not an FtM entity (no id) or an unknown op' });
        continue;
      }
      const seen = entity.last_seen ?? entity.last_change;
      if (seen && seen > latest) latest = seen;
      if (op === 'DEL') {
        deletes.push(entity.id);
        continue;
      }
      const entry = toEntry(entity);
      if (entry) entries.set(entry.ref, entry);
    }
  } catch (err) {
    if (err instanceof SanctionsInputError) throw err;
    throw new SanctionsInputError(`cannot read the file: ${(err as Error).message}`, file);
  } finally {
    input.destroy();
  }
  if (read === 0) throw new SanctionsInputError('no FtM entity in the file', file);
  if (mode === 'delta') {
    // Delta files are named by their version: 20240527194702-wnk.entities.delta.json.
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})-[a-z0-9]+/.exec(basename(file));
    const version = m ? m[0] : dateFromFile(source);
    const published = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : dateFromFile(source);
    return { delta: { list: 'opensanctions', version, published, upserts: [...entries.values()], deletes, rejects, read } };
  }
  const published = (latest && isoTimestamp(latest)) || dateFromFile(source);
  return { snapshot: { list: 'opensanctions', version: published, published, entries: [...entries.values()], rejects, read } };
}
