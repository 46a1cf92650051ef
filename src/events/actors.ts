// Case actors → dataset actors. An indicator's `actors_any: [taliban]` becomes rules on the
// events' two sides: the actor's `dataset_ids` for the dataset, its name and aliases, and any
// date-bounded ids or names. The last is how a case says that in UCDP "Government of Afghanistan"
// (id 130) stands for the Taliban's authorities from 15 August 2021:
//
//   - id: taliban
//     dataset_ids: { ucdp: [303] }
//     x-dataset_ids_periods:
//       ucdp: [ { ids: [130], from: 2021-08-15 } ]
//   - id: afghan-republic
//     x-dataset_ids_periods:
//       ucdp: [ { ids: [130], to: 2021-08-14 } ]
//
// `x-dataset_ids_periods` is an extension key until the case schema takes such entries in
// `dataset_ids` itself (docs/events.md). Pure: no I/O.
import { z } from 'zod';
import type { Actor } from '../case/schema.js';
import { endOfCaseDate, startOfCaseDate } from '../util/dates.js';
import type { ActorRule, EventDataset } from './model.js';
import type { ErrorCode } from '../errors/index.js';

export const PERIODS_KEY = 'x-dataset_ids_periods';

/** The `dataset_ids` keys that name each dataset. */
const datasetKeys: Record<EventDataset, string[]> = {
  'ucdp-ged': ['ucdp', 'ucdp-ged', 'ucdp_ged'],
  acled: ['acled'],
};

const dateText = z.union([z.string(), z.number().int()]).transform(String).refine((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d), 'not a date: use 2021-08-15, 2021-08 or 2021');
const idValue = z.union([z.string().min(1), z.number()]).transform(String);
const PeriodEntry = z.strictObject({
  id: idValue.optional(),
  ids: z.array(idValue).optional(),
  name: z.string().min(1).optional(),
  names: z.array(z.string().min(1)).optional(),
  from: dateText.nullish(),
  to: dateText.nullish(),
}).refine((e) => e.id !== undefined || e.ids?.length || e.name !== undefined || e.names?.length, 'give at least one of id, ids, name, names');
const PeriodsByDataset = z.record(z.string(), z.array(PeriodEntry));

/** The case's actor mapping cannot be used as written. */
export class ActorMappingError extends Error {
  override name = 'ActorMappingError';
  readonly code = 'actor_mapping_invalid' satisfies ErrorCode;
}

export interface MappedActor {
  /** The `actors_any` entry: a case actor id, or a dataset actor name. */
  key: string;
  label: string;
  rules: ActorRule[];
}

export function mapActors(actors: readonly Actor[], entries: readonly string[], dataset: EventDataset): MappedActor[] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  return entries.map((entry) => {
    const actor = byId.get(entry);
    if (!actor) return { key: entry, label: entry, rules: [{ ids: [], names: [entry.toLowerCase()] }] };
    return { key: entry, label: actor.name, rules: actorRules(actor, dataset) };
  });
}

export function actorRules(actor: Actor, dataset: EventDataset): ActorRule[] {
  const keys = datasetKeys[dataset];
  const listed = keys.flatMap((k) => actor.dataset_ids?.[k] ?? []).map(String);
  // ACLED has no actor ids: whatever a case lists for it are actor names.
  const ids = dataset === 'acled' ? [] : listed;
  const names = [actor.name, ...(actor.aliases ?? []), ...(dataset === 'acled' ? listed : [])].map((n) => n.toLowerCase());
  const rules: ActorRule[] = [{ ids: unique(ids), names: unique(names) }];
  for (const p of periodEntries(actor, keys)) {
    const rule: ActorRule = {
      ids: dataset === 'acled' ? [] : unique([...(p.id !== undefined ? [p.id] : []), ...(p.ids ?? [])]),
      names: unique([...(p.name !== undefined ? [p.name] : []), ...(p.names ?? []), ...(dataset === 'acled' ? [...(p.id !== undefined ? [p.id] : []), ...(p.ids ?? [])] : [])].map((n) => n.toLowerCase())),
    };
    if (p.from) rule.from = startOfCaseDate(p.from);
    if (p.to) rule.to = endOfCaseDate(p.to);
    rules.push(rule);
  }
  return rules;
}

function periodEntries(actor: Actor, keys: string[]): Array<z.output<typeof PeriodEntry>> {
  const raw = (actor as Actor & Record<string, unknown>)[PERIODS_KEY];
  if (raw === undefined) return [];
  const parsed = PeriodsByDataset.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [PERIODS_KEY, ...(issue?.path ?? [])].map(String).join('.');
    throw new ActorMappingError(`actor "${actor.id}": ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return keys.flatMap((k) => parsed.data[k] ?? []);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Does an event's side match a rule? The same test as the SQL in src/store/events.ts, for plain data. */
export function sideMatches(rule: ActorRule, date: string, ids: Array<string | null>, names: Array<string | null>): boolean {
  if (rule.from && date < rule.from) return false;
  if (rule.to && date > rule.to) return false;
  return ids.some((id) => id !== null && rule.ids.includes(id)) || names.some((n) => n !== null && rule.names.includes(n.toLowerCase()));
}
