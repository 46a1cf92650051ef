// Shared by the event tests: the real data directory, temp files, and a fresh SQLite store.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/open.js';
import { DATA_DIR, hasData } from '../helpers/data.js';

/** DEEDS_DATA_DIR, else ../shared/data beside the repository: real files are read in place, never copied. */
export const dataDir = DATA_DIR;
export const ged = {
  sample: join(dataDir, 'ucdp-ged', 'ged231_sample1000_uncertainUCDP.csv'),
  aec: join(dataDir, 'ucdp-ged', 'ucdp-aec_afghanistan_events.csv'),
  lilinduo: join(dataDir, 'ucdp-ged', 'ged_sample_lilinduo_afghanistan.csv'),
  actors: join(dataDir, 'ucdp-ged', 'ucdp-actor-221.csv'),
};
export const boundaries = join(dataDir, 'afg-boundaries');
/** Skipped with the reason when absent, a failure under CI (test/helpers/data.ts). */
export const haveEventData = hasData('ucdp-ged/ged231_sample1000_uncertainUCDP.csv', 'ucdp-ged/ucdp-aec_afghanistan_events.csv', 'ucdp-ged/ged_sample_lilinduo_afghanistan.csv', 'ucdp-ged/ucdp-actor-221.csv', 'afg-boundaries', 'un-sc-consolidated/consolidated_2020-03-20.xml', 'ofac-sdn/watchman-bench-2021-07/sdn.csv');

export function tempDir(prefix = 'deeds-events-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

export async function sqliteStore(): Promise<Store> {
  return openStore(join(tempDir(), 'deeds.db'));
}

/** A GED-shaped CSV with the columns the reader needs most, one line per row. */
export const gedHeader = 'id,date_start,date_end,type_of_violence,country,adm_1,latitude,longitude,side_a_new_id,side_a,side_b_new_id,side_b,deaths_civilians,best';

export function gedRow(o: Partial<Record<'id' | 'date' | 'end' | 'type' | 'country' | 'adm1' | 'a_id' | 'a' | 'b_id' | 'b' | 'civ' | 'best', string | number>> = {}): string {
  const v = { id: 1, date: '2020-03-02', type: 1, country: 'Afghanistan', adm1: 'Kabul province', a_id: 130, a: 'Government of Afghanistan', b_id: 303, b: 'Taleban', civ: 0, best: 1, ...o };
  return [v.id, v.date, v.end ?? v.date, v.type, v.country, v.adm1, '34.5', '69.2', v.a_id, v.a, v.b_id, v.b, v.civ, v.best].join(',');
}
