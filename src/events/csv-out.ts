// Writing CSV that is safe to open in a spreadsheet: RFC 4180 quoting, and formula injection
// neutralised (a cell starting with = + - @ tab or CR gets a leading apostrophe, as OWASP advises).

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
