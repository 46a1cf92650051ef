// An import's names: every name an event uses (country, province, actors and their ids…) is kept
// once in event_names and referred to by its id from event_rows (migration 010). Each dialect
// resolves names its own way inside the import's transaction, so that the names of a failed
// import go with it; a packed batch resolves each of its distinct texts once.
import { sql, type Kysely } from 'kysely';
import { batchTextFields, eventNameColumns, type BatchTexts, type EventRow } from './event-rows.js';
import type { Database } from './schema.js';

/** A name's reference in event_names (null for no name). */
export interface NameRefs {
  ref(name: string | null): number | null;
}

/**
 * SQLite: every name of event_names in memory, and a new one inserted as the import meets it.
 * Inside the import's transaction, so names of a failed import go with it.
 */
export class SqliteNames implements NameRefs {
  private readonly ids = new Map<string, number>();
  private readonly insert: import('better-sqlite3').Statement;

  constructor(conn: import('better-sqlite3').Database) {
    for (const row of conn.prepare('SELECT id, name FROM event_names').iterate()) {
      const { id, name } = row as { id: number; name: string };
      this.ids.set(name, id);
    }
    this.insert = conn.prepare('INSERT INTO event_names (name) VALUES (?)');
  }

  ref(name: string | null): number | null {
    if (name === null) return null;
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const id = Number(this.insert.run(name).lastInsertRowid);
    this.ids.set(name, id);
    return id;
  }
}

/** Where each name field sits among a batch's text fields. */
const field = (c: (typeof eventNameColumns)[number]): number => batchTextFields.indexOf(c);
export const [EVENT_TYPE, COUNTRY, COUNTRY_CODE, ADMIN1, PROVINCE] = [field('event_type'), field('country'), field('country_code'), field('admin1'), field('province')] as const;
export const [SIDE_A_ID, SIDE_A, SIDE_B_ID, SIDE_B] = [field('side_a_id'), field('side_a'), field('side_b_id'), field('side_b')] as const;
const FIELDS = batchTextFields.length;

/**
 * The references of the names of a batch of rows. When the rows came packed with the texts they
 * share, each distinct text is resolved once: looking a name up in event_names' map for every row
 * cost the writing thread about a tenth of its time.
 */
export class BatchNames {
  private readonly resolved: Array<number | null | undefined>;

  constructor(private readonly names: NameRefs, private readonly batch?: BatchTexts) {
    this.resolved = new Array<number | null | undefined>(batch?.texts.length ?? 0);
  }

  /** The reference of `name`, row `row`'s text field `field`. */
  ref(row: number, field: number, name: string | null): number | null {
    if (!this.batch) return this.names.ref(name);
    const k = this.batch.refs[row * FIELDS + field] as number;
    if (k < 0) return null;
    let id = this.resolved[k];
    if (id === undefined) this.resolved[k] = id = this.names.ref(this.batch.texts[k] as string);
    return id;
  }
}

/**
 * PostgreSQL's multi-row upsert: the names of each batch are added to event_names (a name another
 * writer added meanwhile is simply there) and their references read back before the rows go in.
 */
export class PostgresNames implements NameRefs {
  private readonly ids = new Map<string, number>();

  constructor(private readonly trx: Kysely<Database>) {}

  async learn(rows: EventRow[]): Promise<void> {
    const unknown = new Set<string>();
    for (const r of rows) {
      for (const c of eventNameColumns) {
        const name = r[c];
        if (name !== null && !this.ids.has(name)) unknown.add(name);
      }
    }
    if (unknown.size === 0) return;
    const list = [...unknown];
    await sql`INSERT INTO event_names (name) SELECT unnest(${list}::text[]) ON CONFLICT (name) DO NOTHING`.execute(this.trx);
    const found = await this.trx.selectFrom('event_names').select(['id', 'name']).where('name', 'in', list).execute();
    for (const { id, name } of found) this.ids.set(name, id);
  }

  ref(name: string | null): number | null {
    if (name === null) return null;
    const id = this.ids.get(name);
    if (id === undefined) throw new Error(`the event name "${name}" was not looked up before use`);
    return id;
  }
}
