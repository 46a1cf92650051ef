// Where the real list files live: DEEDS_DATA_DIR, else ../shared/data beside the repository (never copied into it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, hasData } from '../helpers/data.js';

export const DATA = DATA_DIR;
export const UN_DIR = join(DATA, 'un-sc-consolidated');
export const unFile = (date: string): string => join(UN_DIR, `consolidated_${date}.xml`);
export const OFAC_SET = join(DATA, 'ofac-sdn', 'watchman-bench-2021-07', 'sdn.csv');
export const ofacSnapshot = (date: string): string => join(DATA, 'ofac-sdn', 'jackdwyer-gitscrape', `sdn_${date}.csv`);
export const FTM_DIR = join(DATA, 'opensanctions-ftm-samples');
/** Every real file these tests read; skipped with the reason when absent, a failure under CI. */
export const haveData = hasData(
  ...['2018-10-29', '2020-03-20', '2020-12-01', '2022-10-21', '2023-03-27', '2024-09-26', '2026-02-27'].map((d) => `un-sc-consolidated/consolidated_${d}.xml`),
  'ofac-sdn/watchman-bench-2021-07/sdn.csv', 'ofac-sdn/jackdwyer-gitscrape', 'opensanctions-ftm-samples/yente_t1_entities.ftm.json', 'opensanctions-ftm-samples/t2-deltas',
);

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
