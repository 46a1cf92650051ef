// From a source record (CSV fields or API object values, by header) to an EventRow. The header
// decides which source column feeds which model column; a plan is made once per file, and each
// record then goes through a converter that returns the row or the reason it was rejected.
//
// UCDP GED is accepted in its official 49-column form (GEDEvent_vXX_1.csv, same names as the API)
// and in the reduced forms found in the wild (UCDP-AEC: start_date/side_a_name/location_adm1_name;
// sampled extracts: date/civilian_deaths); ACLED in its export/API form. docs/events.md lists it.
import { countryCode } from '../util/countries.js';
import { parseEventDate } from '../util/dates.js';
import type { EventDataset, EventRow } from './model.js';
import { normaliseProvince } from './provinces.js';
import type { ErrorCode } from '../errors/index.js';

/** The file cannot be read as this dataset at all (as opposed to single rejected rows). */
export class EventFileError extends Error {
  override name = 'EventFileError';
  readonly code = 'event_file_invalid' satisfies ErrorCode;
}

/** Turns a record into a row, or says why it cannot; `raw` is the record's source text, kept as is. */
export type RowConverter = (fields: string[], raw: string) => EventRow | string;

export interface ColumnPlan {
  header: string[];
  convert: RowConverter;
  /**
   * The columns `convert` reads. A reader may leave the others out of the fields it passes (any
   * value will do), as long as the fields keep the record's length: the CSV reader decodes only
   * these.
   */
  columns: number[];
}

type Pick = (names: string[]) => number;

export function planColumns(dataset: EventDataset, header: string[], versionKey: string): ColumnPlan {
  const clean = header.map((h) => h.trim());
  const seen = new Map<string, number>();
  const problems: string[] = [];
  clean.forEach((h, i) => {
    if (h === '') problems.push(`the header has an empty column name (column ${i + 1})`);
    else if (seen.has(h)) problems.push(`the header names column "${h}" twice (columns ${(seen.get(h) as number) + 1} and ${i + 1})`);
    else seen.set(h, i);
  });
  const pick: Pick = (names) => {
    for (const n of names) {
      const i = seen.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  // Missing columns first: "not a GED file" says more about prose or HTML than "an empty column name".
  const used: number[] = [];
  const read: Pick = (names) => {
    const i = pick(names);
    if (i >= 0 && !used.includes(i)) used.push(i);
    return i;
  };
  const convert = dataset === 'ucdp-ged' ? gedConverter(clean, read, versionKey) : acledConverter(clean, read, versionKey);
  if (problems.length) throw new EventFileError(problems[0]);
  return { header: clean, convert, columns: used.sort((a, b) => a - b) };
}

function need(header: string[], index: number, what: string, dataset: string): void {
  if (index >= 0) return;
  const shown = header.slice(0, 8).map((h) => JSON.stringify(h.slice(0, 40))).join(', ');
  throw new EventFileError(`not a ${dataset} file: it has no ${what} column (its header starts ${shown}${header.length > 8 ? ', …' : ''})`);
}

function gedConverter(header: string[], pick: Pick, versionKey: string): RowConverter {
  const id = pick(['id']);
  need(header, id, '"id"', 'UCDP GED');
  const dateStart = pick(['date_start', 'start_date', 'date']);
  need(header, dateStart, 'date ("date_start", "start_date" or "date")', 'UCDP GED');
  const dateEnd = pick(['date_end', 'end_date']);
  const violence = pick(['type_of_violence']);
  const country = pick(['country', 'location_root_name']);
  const admin1 = pick(['adm_1', 'location_adm1_name']);
  const lat = pick(['latitude']);
  const lon = pick(['longitude']);
  const sideAId = pick(['side_a_new_id']);
  const sideA = pick(['side_a', 'side_a_name']);
  const sideBId = pick(['side_b_new_id']);
  const sideB = pick(['side_b', 'side_b_name']);
  const best = pick(['best']);
  const civilians = pick(['deaths_civilians', 'deaths_civilian', 'civilian_deaths']);
  // Without `best`, GED's own definition applies: the sum of the four parts (UCDP-AEC has no `best`).
  const parts = best >= 0 ? [] : [pick(['deaths_a', 'deaths_side_a']), pick(['deaths_b', 'deaths_side_b']), civilians, pick(['deaths_unknown'])];
  if (best < 0 && parts.some((p) => p < 0)) need(header, -1, 'deaths ("best", or deaths_a, deaths_b, deaths_civilians and deaths_unknown)', 'UCDP GED');
  const width = header.length;

  return (f, raw) => {
    if (f.length !== width) return `has ${f.length} fields, the header has ${width}`;
    const eventId = (f[id] as string).trim();
    if (eventId === '') return 'id is empty';
    if (eventId.length > 100) return 'id is longer than 100 characters';
    const start = parseEventDate((f[dateStart] as string).trim());
    if (!start) return `${header[dateStart]} is not a date: ${quote(f[dateStart])}`;
    let end = start;
    if (dateEnd >= 0 && f[dateEnd] !== '') {
      const e = parseEventDate((f[dateEnd] as string).trim());
      if (!e) return `${header[dateEnd]} is not a date: ${quote(f[dateEnd])}`;
      if (e < start) return `${header[dateEnd]} ${e} is before ${header[dateStart]} ${start}`;
      end = e;
    }
    let type: number | null = null;
    if (violence >= 0) {
      const t = f[violence] as string;
      if (t === '1' || t === '2' || t === '3') type = t.charCodeAt(0) - 48;
      else return `type_of_violence must be 1, 2 or 3, not ${quote(t)}`;
    }
    let deaths: number;
    if (best >= 0) {
      const b = count(f[best] as string);
      if (b === null) return `best is not a number of deaths: ${quote(f[best])}`;
      deaths = b;
    } else {
      deaths = 0;
      for (const p of parts) {
        const v = count(f[p] as string);
        if (v === null) return `${header[p]} is not a number of deaths: ${quote(f[p])}`;
        deaths += v;
      }
    }
    let civ: number | null = null;
    if (civilians >= 0 && f[civilians] !== '') {
      civ = count(f[civilians] as string);
      if (civ === null) return `${header[civilians]} is not a number of deaths: ${quote(f[civilians])}`;
    }
    const coords = coordinates(f, lat, lon);
    if (typeof coords === 'string') return coords;
    const countryName = text(f, country);
    const code = countryName ? countryCode(countryName) : null;
    const adm = text(f, admin1);
    return {
      dataset: 'ucdp-ged', event_id: eventId, version_key: versionKey, date_start: start, date_end: end,
      violence_type: type, event_type: null, country: countryName, country_code: code,
      admin1: adm, province: adm ? normaliseProvince(adm, code) : null,
      latitude: coords[0], longitude: coords[1],
      side_a_id: text(f, sideAId), side_a: text(f, sideA), side_b_id: text(f, sideBId), side_b: text(f, sideB),
      deaths_best: deaths, deaths_civilians: civ, raw,
    };
  };
}

function acledConverter(header: string[], pick: Pick, versionKey: string): RowConverter {
  const id = pick(['event_id_cnty', 'data_id']);
  need(header, id, '"event_id_cnty"', 'ACLED');
  const date = pick(['event_date']);
  need(header, date, '"event_date"', 'ACLED');
  const fatalities = pick(['fatalities']);
  need(header, fatalities, '"fatalities"', 'ACLED');
  const eventType = pick(['event_type']);
  const country = pick(['country']);
  const admin1 = pick(['admin1']);
  const lat = pick(['latitude']);
  const lon = pick(['longitude']);
  const actor1 = pick(['actor1']);
  const actor2 = pick(['actor2']);
  const targeting = pick(['civilian_targeting']);
  const width = header.length;

  return (f, raw) => {
    if (f.length !== width) return `has ${f.length} fields, the header has ${width}`;
    const eventId = (f[id] as string).trim();
    if (eventId === '') return `${header[id]} is empty`;
    if (eventId.length > 100) return `${header[id]} is longer than 100 characters`;
    const day = parseEventDate((f[date] as string).trim());
    if (!day) return `event_date is not a date: ${quote(f[date])}`;
    const deaths = count(f[fatalities] as string);
    if (deaths === null) return `fatalities is not a number of deaths: ${quote(f[fatalities])}`;
    const coords = coordinates(f, lat, lon);
    if (typeof coords === 'string') return coords;
    const countryName = text(f, country);
    const code = countryName ? countryCode(countryName) : null;
    const adm = text(f, admin1);
    // ACLED has no civilian death count; deaths in events that target civilians are the nearest measure.
    const civ = targeting < 0 ? null : (f[targeting] as string).trim() !== '' ? deaths : 0;
    return {
      dataset: 'acled', event_id: eventId, version_key: versionKey, date_start: day, date_end: day,
      violence_type: null, event_type: text(f, eventType), country: countryName, country_code: code,
      admin1: adm, province: adm ? normaliseProvince(adm, code) : null,
      latitude: coords[0], longitude: coords[1],
      side_a_id: null, side_a: text(f, actor1), side_b_id: null, side_b: text(f, actor2),
      deaths_best: deaths, deaths_civilians: civ, raw,
    };
  };
}

function text(f: string[], i: number): string | null {
  if (i < 0) return null;
  const v = (f[i] as string).trim();
  return v === '' ? null : v;
}

/** A whole, non-negative number of deaths, or null when the text is not one. */
function count(t: string): number | null {
  if (t.charCodeAt(0) === 32 || t.charCodeAt(t.length - 1) === 32) t = t.trim();
  const n = t.length;
  if (n === 0 || n > 9) return null;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return v;
}

function coordinates(f: string[], lat: number, lon: number): [number | null, number | null] | string {
  const la = lat >= 0 ? (f[lat] as string).trim() : '';
  const lo = lon >= 0 ? (f[lon] as string).trim() : '';
  const y = la === '' ? null : Number(la);
  const x = lo === '' ? null : Number(lo);
  if (y !== null && !(Number.isFinite(y) && y >= -90 && y <= 90)) return `latitude is not between -90 and 90: ${quote(la)}`;
  if (x !== null && !(Number.isFinite(x) && x >= -180 && x <= 180)) return `longitude is not between -180 and 180: ${quote(lo)}`;
  return [y, x];
}

function quote(v: string | undefined): string {
  const s = v ?? '';
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** "GEDEvent_v23_1.csv", "ged231-csv.zip", "ged_v25.1" → "23.1"; null when the name says nothing. */
export function versionFromName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /v(\d{2})[_.](\d{1,2})(?:[_.](\d{1,2}))?/i.exec(base) ?? /ged(\d{2})(\d)(?!\d)/i.exec(base);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((p) => p !== undefined).map((p) => String(Number(p))).join('.');
}

/** A version that sorts as text: "23.1" → "0023.0001"; "" when unknown. */
export function versionKey(version: string | null): string {
  if (!version) return '';
  return (version.match(/\d+/g) ?? []).map((p) => p.padStart(4, '0')).join('.');
}
