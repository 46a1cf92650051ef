// The status tables of a bundled case's README: a header `| commitment | date | … |` (or
// `| condition |`), then rows `| \`id\` … | cell per date |` where a cell's first `status` in code
// type decides ("not yet made" in words counts too). A line outside a table ends it.

export interface ExpectedStatus {
  id: string;
  date: string;
  status: string;
}

export function expectedStatuses(readme: string): ExpectedStatus[] {
  const out: ExpectedStatus[] = [];
  let dates: string[] = [];
  for (const line of readme.split('\n')) {
    const header = line.match(/^\| (commitment|condition) \|(.*)\|$/);
    if (header) {
      dates = (header[2] ?? '').split('|').map((d) => d.trim());
      continue;
    }
    if (!line.startsWith('|')) dates = [];
    const row = line.match(/^\| `([a-z0-9-]+)`[^|]*\|(.*)\|$/);
    if (!row || dates.length === 0) continue;
    (row[2] ?? '').split('|').forEach((cell, i) => {
      const status = cell.match(/`([a-z_]+)`/)?.[1] ?? (cell.includes('not yet made') ? 'not_yet_made' : undefined);
      const date = dates[i];
      if (status && date) out.push({ id: row[1] ?? '', date, status });
    });
  }
  return out;
}
