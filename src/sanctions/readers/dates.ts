// Dates for list versions and dates of birth.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BirthDate } from '../types.js';

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** An ISO timestamp in UTC for a list's own date, or undefined when it is not a date. */
export function isoTimestamp(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * When a file does not date itself (the OFAC legacy CSV): a date in its name (`sdn_2021-08-18.csv`),
 * else its modification time. Documented, because it decides which version counts as newest.
 */
export function dateFromFile(file: string): string {
  const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(basename(file));
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) return `${m[1]}-${m[2]}-${m[3]}`;
  return statSync(file).mtime.toISOString().slice(0, 10);
}

/** `12 Mar 1965`, `Mar 1965`, `1965`, `1965-03-12` → ISO date of the precision given. */
export function parseLooseDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('-');
  m = /^(?:(\d{1,2}) )?([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  const month = m ? MONTHS[(m[2] as string).toLowerCase()] : undefined;
  if (m && month) return m[1] ? `${m[3]}-${month}-${(m[1] as string).padStart(2, '0')}` : `${m[3]}-${month}`;
  return undefined;
}

/** The years a birth date allows, widened by one on each side when it is approximate. */
export function birthYears(b: BirthDate): [number, number] | undefined {
  let lo: number | undefined;
  let hi: number | undefined;
  if (b.date) lo = hi = Number(b.date.slice(0, 4));
  else if (b.from_year !== undefined || b.to_year !== undefined) {
    lo = b.from_year ?? b.to_year;
    hi = b.to_year ?? b.from_year;
  }
  if (lo === undefined || hi === undefined) return undefined;
  return b.approx ? [lo - 1, hi + 1] : [lo, hi];
}
