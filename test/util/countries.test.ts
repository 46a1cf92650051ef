// One mapping from country names to ISO codes for event datasets and sanctions lists alike: the
// official ISO 3166 list plus an alias table, checked against every country string in the real
// UN, OFAC and UCDP files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryCode, countryCodes } from '../../src/util/countries.js';
import { DATA_DIR, hasData } from '../helpers/data.js';

describe('countryCode', () => {
  it.each([
    ['Afghanistan', 'AF'], ['af', 'AF'], ['NA', 'NA'], [' Syria ', 'SY'],
    // Withdrawn codes once won when names came from ICU: France → FX, Burkina Faso → HV, United Kingdom → UK.
    ['France', 'FR'], ['Burkina Faso', 'BF'], ['United Kingdom', 'GB'], ['Serbia', 'RS'], ['Myanmar', 'MM'],
    // UCDP and ACLED spellings, a parenthetical dropped when the whole name is unknown
    ['DR Congo (Zaire)', 'CD'], ['Yemen (North Yemen)', 'YE'], ['Serbia (Yugoslavia)', 'RS'], ['Cambodia (Kampuchea)', 'KH'],
    ['Bosnia-Herzegovina', 'BA'], ['Bosnia & Herzegovina', 'BA'], ["Côte d'Ivoire", 'CI'], ['Cote d Ivoire', 'CI'], ['Turkey', 'TR'],
    ['Congo', 'CG'], ['Kingdom of eSwatini (Swaziland)', 'SZ'], ['Russia (Soviet Union)', 'RU'], ['Macedonia, FYR', 'MK'],
    // UN and OFAC forms, where the parenthetical is part of the name
    ['Iran (Islamic Republic of)', 'IR'], ['Syrian Arab Republic', 'SY'], ["Democratic People's Republic of Korea", 'KP'],
    ['Korea, Republic of', 'KR'], ['Korea, North', 'KP'], ['Viet Nam', 'VN'], ['Türkiye', 'TR'], ['Russian Federation', 'RU'],
    ['United Kingdom of Great Britain and Northern\n Ireland', 'GB'], ['The Netherlands', 'NL'], ['Congo, Republic of the', 'CG'],
    ['Congo, Democratic Republic of the', 'CD'], ['Bahamas, The', 'BS'], ['Virgin Islands, British', 'VG'], ['Macau', 'MO'],
    ['China, Hong Kong Special Administrative Region', 'HK'], ['Libyan Arab Jamahiriya', 'LY'], ['Afghan', 'AF'], ['Yemeni', 'YE'],
    // ICU's short names and "St."
    ['St. Kitts & Nevis', 'KN'], ['Congo - Kinshasa', 'CD'], ['Falkland Islands', 'FK'],
  ])('%j is %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  // Regions, organisations and codes that are not ISO 3166-1 countries: ICU's region list took EU and UN.
  it.each(['European Union', 'United Nations', 'Europe', 'EU', 'UN', 'eu', 'World', 'Eurozone', 'Latin America', 'Canary Islands', 'ZZ', 'XA'])('%j is no country', (name) => {
    expect(countryCode(name)).toBeNull();
  });

  it.each(['Atlantis', 'Dr', 'ZZZ', '', 'Czechoslovakia', 'German Democratic Republic', 'na', 'Sudan/South Sudan', 'Bahrain (citizenship revoked in Jan. 2015)', 'USSR (until 1991)'])('%j is no country we can name', (name) => {
    expect(countryCode(name)).toBeNull();
  });

  it('countryCodes keeps each known code once and drops the rest', () => {
    expect(countryCodes(['Afghanistan', 'AF', 'Atlantis', 'Iran (Islamic Republic of)', 'European Union'])).toEqual(['AF', 'IR']);
  });
});

/** Every distinct value of the UN list's NATIONALITY and address COUNTRY, over all snapshots. */
function unCountries(): Set<string> {
  const dir = join(DATA_DIR, 'un-sc-consolidated');
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
    const xml = readFileSync(join(dir, f), 'utf8');
    for (const m of xml.matchAll(/<NATIONALITY>([\s\S]*?)<\/NATIONALITY>/g)) for (const v of (m[1] as string).matchAll(/<VALUE>([\s\S]*?)<\/VALUE>/g)) out.add((v[1] as string).trim());
    for (const m of xml.matchAll(/<COUNTRY>([^<]*)<\/COUNTRY>/g)) out.add((m[1] as string).trim());
  }
  return out;
}

/** OFAC: `nationality X` and `citizen X` in the remarks of every sdn.csv, and the address countries. */
function ofacCountries(): Set<string> {
  const out = new Set<string>();
  const files = ['jackdwyer-gitscrape/sdn_2021-08-18.csv', 'jackdwyer-gitscrape/sdn_2024-05-03.csv', 'watchman-bench-2021-07/sdn.csv'];
  for (const f of files) {
    for (const row of parse(readFileSync(join(DATA_DIR, 'ofac-sdn', f), 'latin1'), { relax_column_count: true }) as string[][]) {
      for (const phrase of (row[11] ?? '').split(/;\s*/)) {
        const m = /^(?:alt\.\s+)?(?:nationality|citizen) (.+?)\.?$/.exec(phrase.trim());
        if (m) out.add(m[1] as string);
      }
    }
  }
  for (const row of parse(readFileSync(join(DATA_DIR, 'ofac-sdn/watchman-bench-2021-07/add.csv'), 'latin1'), { relax_column_count: true }) as string[][]) {
    if (row[4] && row[4].trim() !== '-0-') out.add(row[4]);
  }
  return out;
}

function ucdpCountries(): Set<string> {
  const out = new Set<string>();
  for (const f of ['ged231_sample1000_uncertainUCDP.csv', 'ged_sample_lilinduo_afghanistan.csv']) {
    for (const r of parse(readFileSync(join(DATA_DIR, 'ucdp-ged', f)), { columns: true, bom: true }) as Array<Record<string, string>>) if (r['country']) out.add(r['country']);
  }
  return out;
}

const unmapped = (names: Set<string>) => [...names].filter((n) => countryCode(n) === null).sort();

describe('the real lists and datasets', () => {
  it.skipIf(!hasData('un-sc-consolidated/consolidated_2026-02-27.xml'))('every UN nationality and address country maps, but for statements that are not one country', () => {
    const names = unCountries();
    expect(names.size).toBeGreaterThan(100);
    expect(unmapped(names)).toEqual([
      'Bahrain (citizenship revoked in Jan. 2015)', 'Branch Office 11: Iran', 'Kuwaiti citizenship withdrawn in 2002', 'Possibly Ethiopian',
      'Sudan/South Sudan', 'Sudan/or South Sudan', 'Sudanese by birth', 'USSR (until 1991)',
      'United States. Also believed to hold Syrian nationality', 'former Soviet Union', 'na',
    ]);
    for (const [name, code] of [['Iran (Islamic Republic of)', 'IR'], ['Türkiye', 'TR'], ['Viet Nam', 'VN'], ['Russian Federation', 'RU'], ['Syrian Arab Republic', 'SY'], ['State of Palestine', 'PS'], ['Congo', 'CG'], ['Indonesia (as at Dec. 2003)', 'ID'], ['Saudi Arabian', 'SA']] as const) {
      expect(names.has(name)).toBe(true);
      expect(countryCode(name)).toBe(code);
    }
  });

  it.skipIf(!hasData('ofac-sdn/jackdwyer-gitscrape/sdn_2024-05-03.csv', 'ofac-sdn/watchman-bench-2021-07/add.csv'))('every OFAC nationality, citizenship and address country maps, but for regions', () => {
    const names = ofacCountries();
    expect(names.size).toBeGreaterThan(170);
    expect(unmapped(names)).toEqual(['Netherlands Antilles', 'Region: Crimea', 'Region: Gaza', 'Region: Kafia Kingi', 'Region: Northern Mali', 'possibly Palestinian', 'undetermined']);
    for (const [name, code] of [['Korea, North', 'KP'], ['Burma', 'MM'], ['Cabo Verde', 'CV'], ['Macedonia, The Former Yugoslav Republic of', 'MK'], ['North Macedonia, The Republic of', 'MK'], ['The Gambia', 'GM'], ['Kosovo', 'XK'], ['Palestinian', 'PS']] as const) {
      expect(names.has(name)).toBe(true);
      expect(countryCode(name)).toBe(code);
    }
  });

  it.skipIf(!hasData('ucdp-ged/ged231_sample1000_uncertainUCDP.csv', 'ucdp-ged/ged_sample_lilinduo_afghanistan.csv'))('every UCDP GED country maps', () => {
    const names = ucdpCountries();
    expect(names.size).toBe(59);
    expect(unmapped(names)).toEqual([]);
    for (const [name, code] of [['DR Congo (Zaire)', 'CD'], ['Myanmar (Burma)', 'MM'], ['Ivory Coast', 'CI'], ['Yemen (North Yemen)', 'YE'], ['Russia (Soviet Union)', 'RU']] as const) expect(countryCode(name)).toBe(code);
  });
});
