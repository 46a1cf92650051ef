// One mapping from country names to ISO codes for event datasets and sanctions lists alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryCode, countryCodes } from '../../src/util/countries.js';
import { DATA_DIR, hasData } from '../helpers/data.js';

const ucdpFiles = ['ged231_sample1000_uncertainUCDP.csv', 'organizedviolencecy_v25_1.csv'].map((f) => join('ucdp-ged', f));

describe('countryCode', () => {
  it.each([
    ['Afghanistan', 'AF'], ['af', 'AF'], [' Syria ', 'SY'],
    // Withdrawn codes carry their successor's name in ICU; they once won: France → FX, Burkina Faso → HV, United Kingdom → UK.
    ['France', 'FR'], ['Burkina Faso', 'BF'], ['United Kingdom', 'GB'], ['Serbia', 'RS'], ['Myanmar', 'MM'],
    // UCDP and ACLED spellings, a parenthetical dropped when the whole name is unknown
    ['DR Congo (Zaire)', 'CD'], ['Yemen (North Yemen)', 'YE'], ['Serbia (Yugoslavia)', 'RS'], ['Cambodia (Kampuchea)', 'KH'],
    ['Bosnia-Herzegovina', 'BA'], ['Bosnia & Herzegovina', 'BA'], ["Côte d'Ivoire", 'CI'], ['Cote d Ivoire', 'CI'], ['Turkey', 'TR'],
    // UN and OFAC forms, where the parenthetical is part of the name
    ['Iran (Islamic Republic of)', 'IR'], ['Syrian Arab Republic', 'SY'], ["Democratic People's Republic of Korea", 'KP'],
    ['Korea, Republic of', 'KR'], ['Viet Nam', 'VN'], ['United Kingdom of Great Britain and Northern\n Ireland', 'GB'], ['The Netherlands', 'NL'],
  ])('%j is %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each(['Atlantis', 'Dr', 'ZZZ', '', 'Czechoslovakia'])('%j is no country', (name) => {
    expect(countryCode(name)).toBeNull();
  });

  it('countryCodes keeps each known code once and drops the rest', () => {
    expect(countryCodes(['Afghanistan', 'AF', 'Atlantis', 'Iran (Islamic Republic of)'])).toEqual(['AF', 'IR']);
  });

  it.skipIf(!hasData(...ucdpFiles))('knows every country of the real UCDP files but two dissolved states', () => {
    const seen = new Set<string>();
    for (const [file, column] of [[ucdpFiles[0], 'country'], [ucdpFiles[1], 'country_cy']] as const) {
      const rows = parse(readFileSync(join(DATA_DIR, file as string)), { columns: true, bom: true }) as Array<Record<string, string>>;
      for (const r of rows) if (r[column]) seen.add(r[column] as string);
    }
    expect(seen.size).toBe(200);
    expect([...seen].filter((n) => countryCode(n) === null).sort()).toEqual(['Czechoslovakia', 'German Democratic Republic']);
  });
});
