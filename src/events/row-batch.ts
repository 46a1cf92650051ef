// A batch of event rows in a form that crosses threads cheaply. Posting EventRow objects to
// another thread copies every string one by one, which cost the receiving thread about 4 µs a
// row, as much as the reading it was meant to take off its hands. Here a batch is one text (every
// text field of every row, one after another) as UTF-8 bytes, the fields' lengths, and the
// numbers in a Float64Array: all of it moves between threads without a copy, and the receiver
// decodes the text once and cuts it instead of rebuilding a dozen strings a row. (Posting the text
// as a string cost the reading thread about a microsecond a row in the structured clone.)
import type { EventDataset, EventRow } from './model.js';

const TEXT = ['event_id', 'date_start', 'date_end', 'event_type', 'country', 'country_code', 'admin1', 'province', 'side_a_id', 'side_a', 'side_b_id', 'side_b'] as const;
const NUMBER = ['violence_type', 'latitude', 'longitude', 'deaths_best', 'deaths_civilians'] as const;

export interface RowBatch {
  dataset: EventDataset;
  versionKey: string;
  count: number;
  /** The text fields, one after another, in UTF-8, on an ArrayBuffer of their own. */
  text: Uint8Array<ArrayBuffer>;
  /** Per row and text field, its length in UTF-16 code units (as JavaScript counts); -1 for null. */
  lengths: Int32Array;
  /** Per row and number field, its value; NaN for null. */
  numbers: Float64Array;
  lines: Int32Array;
}

/** Packs rows of one dataset and version (as one file's reader gives them); `raw` is left behind. */
export function packRows(rows: EventRow[], lines: number[]): RowBatch {
  const first = rows[0] as EventRow;
  const texts: string[] = [];
  const lengths = new Int32Array(rows.length * TEXT.length);
  const numbers = new Float64Array(rows.length * NUMBER.length);
  // Written out field by field, in TEXT and NUMBER order: a loop over the names with r[k] cost
  // the reading thread a quarter of a microsecond a field.
  const addText = (at: number, v: string | null) => {
    lengths[at] = v === null ? -1 : v.length;
    if (v !== null) texts.push(v);
  };
  const addNumber = (at: number, v: number | null) => {
    numbers[at] = v === null ? NaN : v;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as EventRow;
    if (r.dataset !== first.dataset || r.version_key !== first.version_key) throw new Error('a row batch holds one dataset version');
    const t = i * TEXT.length;
    addText(t, r.event_id);
    addText(t + 1, r.date_start);
    addText(t + 2, r.date_end);
    addText(t + 3, r.event_type);
    addText(t + 4, r.country);
    addText(t + 5, r.country_code);
    addText(t + 6, r.admin1);
    addText(t + 7, r.province);
    addText(t + 8, r.side_a_id);
    addText(t + 9, r.side_a);
    addText(t + 10, r.side_b_id);
    addText(t + 11, r.side_b);
    const n = i * NUMBER.length;
    addNumber(n, r.violence_type);
    addNumber(n + 1, r.latitude);
    addNumber(n + 2, r.longitude);
    addNumber(n + 3, r.deaths_best);
    addNumber(n + 4, r.deaths_civilians);
  }
  const joined = texts.join('');
  // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool, so that it can move.
  const text = Buffer.allocUnsafeSlow(Buffer.byteLength(joined, 'utf8'));
  text.write(joined, 0, 'utf8');
  return { dataset: first.dataset, versionKey: first.version_key, count: rows.length, text: new Uint8Array(text.buffer, 0, text.length), lengths, numbers, lines: Int32Array.from(lines) };
}

/** The rows of a batch, with `raw` empty (the source records travel separately, compressed). */
export function unpackRows(b: RowBatch): { rows: EventRow[]; lines: number[] } {
  const rows: EventRow[] = [];
  const all = Buffer.from(b.text.buffer, b.text.byteOffset, b.text.byteLength).toString('utf8');
  let at = 0;
  const text = (i: number): string | null => {
    const n = b.lengths[i] as number;
    if (n < 0) return null;
    at += n;
    return all.slice(at - n, at);
  };
  const number = (i: number): number | null => {
    const v = b.numbers[i] as number;
    return Number.isNaN(v) ? null : v;
  };
  for (let r = 0; r < b.count; r++) {
    const t = r * TEXT.length;
    const n = r * NUMBER.length;
    // Fields in TEXT and NUMBER order: `at` walks the string as the texts are cut.
    const eventId = text(t) as string;
    const dateStart = text(t + 1) as string;
    const dateEnd = text(t + 2) as string;
    const eventType = text(t + 3);
    const country = text(t + 4);
    const countryCode = text(t + 5);
    const admin1 = text(t + 6);
    const province = text(t + 7);
    const sideAId = text(t + 8);
    const sideA = text(t + 9);
    const sideBId = text(t + 10);
    const sideB = text(t + 11);
    rows.push({
      dataset: b.dataset, event_id: eventId, version_key: b.versionKey, date_start: dateStart, date_end: dateEnd,
      violence_type: number(n), event_type: eventType, country, country_code: countryCode, admin1, province,
      latitude: number(n + 1), longitude: number(n + 2), side_a_id: sideAId, side_a: sideA, side_b_id: sideBId, side_b: sideB,
      deaths_best: number(n + 3) as number, deaths_civilians: number(n + 4), raw: '',
    });
  }
  return { rows, lines: Array.from(b.lines) };
}
