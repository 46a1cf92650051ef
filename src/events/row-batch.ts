// A batch of event rows in a form that crosses threads cheaply. Posting EventRow objects to
// another thread copies every string one by one, which cost the receiving thread about 4 µs a
// row, as much as the reading it was meant to take off its hands. Here a batch is one text (each
// distinct text of the batch once, one after another) as UTF-8 bytes, the texts' lengths, per row
// and field the number of its text, and the numbers in a Float64Array: all of it moves between
// threads without a copy. Most fields repeat within a batch (the country, the province, the
// sides, the dates), so each is encoded and decoded once a batch rather than once a row: joining
// and encoding every field of every row cost the reading thread a tenth of its time. (Posting the
// text as a string cost the reading thread about a microsecond a row in the structured clone.)
import { batchTextFields as TEXT, type BatchTexts, type EventDataset, type EventRow } from './model.js';

const NUMBER = ['violence_type', 'latitude', 'longitude', 'deaths_best', 'deaths_civilians'] as const;

export interface RowBatch {
  dataset: EventDataset;
  versionKey: string;
  count: number;
  /** The batch's distinct texts, one after another, in UTF-8, on an ArrayBuffer of their own. */
  text: Uint8Array<ArrayBuffer>;
  /** Per distinct text, its length in UTF-16 code units (as JavaScript counts). */
  lengths: Int32Array;
  /** Per row and text field, the number of its text in `lengths`; -1 for null. */
  refs: Int32Array;
  /** Per row and number field, its value; NaN for null. */
  numbers: Float64Array;
  lines: Int32Array;
}

/** Packs rows of one dataset and version (as one file's reader gives them); `raw` is left behind. */
export function packRows(rows: EventRow[], lines: number[]): RowBatch {
  const first = rows[0] as EventRow;
  const texts: string[] = [];
  const known = new Map<string, number>();
  const refs = new Int32Array(rows.length * TEXT.length);
  const numbers = new Float64Array(rows.length * NUMBER.length);
  // Written out field by field, in TEXT and NUMBER order: a loop over the names with r[k] cost
  // the reading thread a quarter of a microsecond a field.
  const addText = (at: number, v: string | null) => {
    if (v === null) {
      refs[at] = -1;
      return;
    }
    let ref = known.get(v);
    if (ref === undefined) {
      ref = texts.push(v) - 1;
      known.set(v, ref);
    }
    refs[at] = ref;
  };
  const addNumber = (at: number, v: number | null) => {
    numbers[at] = v === null ? NaN : v;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as EventRow;
    if (r.dataset !== first.dataset || r.version_key !== first.version_key) throw new Error('a row batch holds one dataset version');
    const t = i * TEXT.length;
    // An event id occurs once: it skips the look-up.
    refs[t] = texts.push(r.event_id) - 1;
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
  const lengths = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) lengths[i] = (texts[i] as string).length;
  const joined = texts.join('');
  // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool, so that it can move.
  const text = Buffer.allocUnsafeSlow(Buffer.byteLength(joined, 'utf8'));
  text.write(joined, 0, 'utf8');
  return { dataset: first.dataset, versionKey: first.version_key, count: rows.length, text: new Uint8Array(text.buffer, 0, text.length), lengths, refs, numbers, lines: Int32Array.from(lines) };
}

/**
 * The rows of a batch, with `raw` empty (the source records travel separately, compressed), and
 * the batch's texts, which the rows share.
 */
export function unpackRows(b: RowBatch): { rows: EventRow[]; lines: number[]; texts: BatchTexts } {
  const rows: EventRow[] = [];
  const all = Buffer.from(b.text.buffer, b.text.byteOffset, b.text.byteLength).toString('utf8');
  const texts: string[] = new Array<string>(b.lengths.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const n = b.lengths[i] as number;
    texts[i] = all.slice(at, at + n);
    at += n;
  }
  const text = (i: number): string | null => {
    const ref = b.refs[i] as number;
    return ref < 0 ? null : (texts[ref] as string);
  };
  const number = (i: number): number | null => {
    const v = b.numbers[i] as number;
    return Number.isNaN(v) ? null : v;
  };
  for (let r = 0; r < b.count; r++) {
    const t = r * TEXT.length;
    const n = r * NUMBER.length;
    rows.push({
      dataset: b.dataset, event_id: text(t) as string, version_key: b.versionKey, date_start: text(t + 1) as string, date_end: text(t + 2) as string,
      violence_type: number(n), event_type: text(t + 3), country: text(t + 4), country_code: text(t + 5), admin1: text(t + 6), province: text(t + 7),
      latitude: number(n + 1), longitude: number(n + 2), side_a_id: text(t + 8), side_a: text(t + 9), side_b_id: text(t + 10), side_b: text(t + 11),
      deaths_best: number(n + 3) as number, deaths_civilians: number(n + 4), raw: '',
    });
  }
  return { rows, lines: Array.from(b.lines), texts: { texts, refs: b.refs } };
}
