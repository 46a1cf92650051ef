// The one CSV writer (the evidence table, indicator series): RFC 4180 quoting, and cells safe to
// open in a spreadsheet. A cell that a spreadsheet would run as a formula (starting with = + - @
// tab or CR) gets a leading apostrophe, as OWASP advises; so does a cell that already starts with
// one, so a reader can always undo it by dropping one apostrophe (`unneutralise`).

const dangerousStart = /^[=+\-@\t\r']/;
const needsQuotes = /[",\r\n]/;

export function neutralise(value: string): string {
  return dangerousStart.test(value) ? `'${value}` : value;
}

export function unneutralise(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** One cell: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const safe = neutralise(value);
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
