// The conflict-event rows the store keeps, shared by every event dataset: one row per dataset
// event, with the columns that indicators filter and sum on, and the source record itself kept
// verbatim. They live in the store, which owns the tables; src/events reads files into them.

export const eventDatasets = ['ucdp-ged', 'acled'] as const;
export type EventDataset = (typeof eventDatasets)[number];

/** One event as stored. Column names are the database's; see docs/events.md for the source mapping. */
export interface EventRow {
  dataset: EventDataset;
  /** The dataset's own event id (UCDP `id`, ACLED `event_id_cnty`). Unique per dataset. */
  event_id: string;
  /** Sortable form of the dataset version ('' when unknown), so an older file never overwrites a newer one. */
  version_key: string;
  date_start: string;
  date_end: string;
  /** UCDP type_of_violence: 1 state-based, 2 non-state, 3 one-sided. Null for ACLED. */
  violence_type: number | null;
  /** ACLED event_type. Null for UCDP. */
  event_type: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2, derived from the country name when it is known. */
  country_code: string | null;
  /** The first-level division as the dataset spells it. */
  admin1: string | null;
  /** `admin1` normalised (src/events/provinces.ts), so that datasets join. */
  province: string | null;
  latitude: number | null;
  longitude: number | null;
  side_a_id: string | null;
  side_a: string | null;
  side_b_id: string | null;
  side_b: string | null;
  /** Best estimate of deaths (UCDP `best`, ACLED `fatalities`). */
  deaths_best: number;
  deaths_civilians: number | null;
  /**
   * The source record exactly as read: the CSV text of the row (its columns are named by the
   * import's `columns`), or the JSON of an API event. Every source column is kept this way, and
   * copying a slice of the input costs far less than re-encoding 49 columns.
   */
  raw: string;
}

/**
 * The columns compared to decide whether a re-imported event changed. `raw` is left out on
 * purpose: the same event written by another tool (other quoting, API JSON instead of CSV) is not
 * a change; when a compared column does change, `raw` is replaced along with it.
 */
export const eventDataColumns = [
  'date_start', 'date_end', 'violence_type', 'event_type', 'country', 'country_code', 'admin1', 'province',
  'latitude', 'longitude', 'side_a_id', 'side_a', 'side_b_id', 'side_b', 'deaths_best', 'deaths_civilians',
] as const satisfies ReadonlyArray<keyof EventRow>;

/**
 * The columns that hold names, which event_rows keeps as references to event_names (`country` is
 * stored as `country_ref`): a few thousand names recur across a million events.
 */
export const eventNameColumns = ['event_type', 'country', 'country_code', 'admin1', 'province', 'side_a_id', 'side_a', 'side_b_id', 'side_b'] as const satisfies ReadonlyArray<keyof EventRow>;
export type EventNameColumn = (typeof eventNameColumns)[number];

/** The text fields of a row batch (src/events/row-batch.ts), in the order of its `refs`. */
export const batchTextFields = ['event_id', 'date_start', 'date_end', 'event_type', 'country', 'country_code', 'admin1', 'province', 'side_a_id', 'side_a', 'side_b_id', 'side_b'] as const satisfies ReadonlyArray<keyof EventRow>;

/**
 * The texts of a batch as they crossed threads: each distinct text once, and per row and field
 * (in `batchTextFields` order) the number of its text, -1 for null. A writer can then resolve
 * each distinct name once a batch instead of once a row.
 */
export interface BatchTexts {
  texts: string[];
  refs: Int32Array;
}

/** Every stored column of an event, in insertion order. */
export const eventColumns = ['dataset', 'event_id', 'version_key', ...eventDataColumns, 'raw'] as const satisfies ReadonlyArray<keyof EventRow>;

/**
 * An event id as a key for sets of ids: a number when the id is the decimal digits of one written
 * without leading zeros (a Set of a million numbers takes a fraction of the memory of strings), any
 * other id as itself, so that no two ids meet on one key ("7" and "007" stay two).
 */
export function eventIdKey(id: string): string | number {
  const n = id.length;
  if (n === 0 || n > 15 || (n > 1 && id.charCodeAt(0) === 48)) return id;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return id;
    value = value * 10 + digit;
  }
  return value;
}

/** Dataset actor ids and (lower-case) names, optionally only for events inside a date range. */
export interface ActorRule {
  ids: string[];
  names: string[];
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
}

/** Which events an indicator counts: every present key narrows the set (src/events builds it, the store runs it). */
export interface EventQuery {
  dataset: EventDataset;
  countryCode?: string;
  countryName?: string;
  violenceTypes?: number[];
  eventTypes?: string[];
  provinces?: string[];
  /** An event counts when any rule matches either of its sides. */
  actors?: ActorRule[];
  from?: string;
  to?: string;
}
