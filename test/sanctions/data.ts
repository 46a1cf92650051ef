// Where the real list files live: ../shared/data beside the repository (never copied into it).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = process.env['DEEDS_DATA_DIR'] ?? join(root, '..', 'shared', 'data');
export const UN_DIR = join(DATA, 'un-sc-consolidated');
export const unFile = (date: string): string => join(UN_DIR, `consolidated_${date}.xml`);
export const OFAC_SET = join(DATA, 'ofac-sdn', 'watchman-bench-2021-07', 'sdn.csv');
export const ofacSnapshot = (date: string): string => join(DATA, 'ofac-sdn', 'jackdwyer-gitscrape', `sdn_${date}.csv`);
export const FTM_DIR = join(DATA, 'opensanctions-ftm-samples');
export const haveData = existsSync(unFile('2026-02-27')) && existsSync(OFAC_SET);

/** A scratch directory with these files in it. */
export function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deeds-sanctions-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A small UN consolidated list in the real layout, for tests that need to change it. */
export function unXml(individuals: Array<{ ref: string; first: string; second?: string; aliases?: string[]; original?: string; dob?: string; nationality?: string }>, generated = '2025-01-01T00:00:00.000Z'): string {
  const ind = individuals.map((i) => `<INDIVIDUAL><DATAID>${i.ref.replace(/\D/g, '')}</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>${i.first}</FIRST_NAME>${i.second ? `<SECOND_NAME>${i.second}</SECOND_NAME>` : ''}<UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>${i.ref}</REFERENCE_NUMBER><LISTED_ON>2001-02-23</LISTED_ON>${i.original ? `<NAME_ORIGINAL_SCRIPT>${i.original}</NAME_ORIGINAL_SCRIPT>` : ''}<NATIONALITY><VALUE>${i.nationality ?? 'Afghanistan'}</VALUE></NATIONALITY>${(i.aliases ?? []).map((a) => `<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${a}</ALIAS_NAME></INDIVIDUAL_ALIAS>`).join('')}<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>${i.dob ?? '1968'}</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" dateGenerated="${generated}">\n<INDIVIDUALS>\n${ind}\n</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n`;
}
