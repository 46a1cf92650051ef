// Province (first-level division) names, normalised once so that datasets join: UCDP writes
// "Nangarhar province", "Panjsher province", "Sari Pul province"; ACLED and boundary files write
// "Nangarhar", "Panjshir", "Sar-e Pol". docs/events.md shows the table.
//
// The rule: drop a trailing unit word ("province", "governorate", …) or a leading one
// ("Wilayat-e", "Velayat-e"), compare without case,
// accents or punctuation, and map known spelling variants to one canonical name. For Afghanistan
// the canonical names are those of the geoBoundaries ADM1 file (with its "Ghanzi" typo fixed), so
// indicators by province join the boundaries directly. Names of other countries keep their own
// spelling minus the unit word.

/** A leading unit word, as in GeoNames' "Wilayat-e Kabul" or "Velayat-e Khowst". */
const unitPrefix = /^(wilayat|welayat|velayat)[-\s]+e[-\s]+/i;
const unitWords = /\s+(province|governorate|state|region|department|district|oblast|prefecture|county|division|municipality|territory|wilayah?|velayat|provincia|departamento|estado)$/i;

/** Canonical Afghan province name → ISO 3166-2 code and the variants seen in UCDP, ACLED and gazetteers. */
export const afghanProvinces: Record<string, { iso: string; variants: string[] }> = {
  Badakhshan: { iso: 'AF-BDS', variants: ['badakshan', 'badakhshon'] },
  Badghis: { iso: 'AF-BDG', variants: ['badghes', 'badgis', 'badghisat'] },
  Baghlan: { iso: 'AF-BGL', variants: [] },
  Balkh: { iso: 'AF-BAL', variants: [] },
  Bamyan: { iso: 'AF-BAM', variants: ['bamiyan', 'bamian'] },
  Daykundi: { iso: 'AF-DAY', variants: ['daikundi', 'daykondi', 'daikondi', 'day kundi', 'dai kundi'] },
  Farah: { iso: 'AF-FRA', variants: [] },
  Faryab: { iso: 'AF-FYB', variants: ['fariab', 'faryob'] },
  Ghazni: { iso: 'AF-GHA', variants: ['ghanzi', 'ghazny'] },
  Ghor: { iso: 'AF-GHO', variants: ['ghowr', 'ghour', 'ghur'] },
  Helmand: { iso: 'AF-HEL', variants: ['hilmand'] },
  Herat: { iso: 'AF-HER', variants: ['hirat'] },
  Jowzjan: { iso: 'AF-JOW', variants: ['jawzjan', 'jozjan', 'juzjan', 'jowzjon'] },
  Kabul: { iso: 'AF-KAB', variants: ['kabol'] },
  Kandahar: { iso: 'AF-KAN', variants: ['qandahar', 'kandehar'] },
  Kapisa: { iso: 'AF-KAP', variants: ['kapesa'] },
  Khost: { iso: 'AF-KHO', variants: ['khowst', 'khust'] },
  Kunar: { iso: 'AF-KNR', variants: ['konar'] },
  Kunduz: { iso: 'AF-KDZ', variants: ['kondoz', 'qunduz', 'konduz', 'kundoz'] },
  Laghman: { iso: 'AF-LAG', variants: ['lagman'] },
  Logar: { iso: 'AF-LOG', variants: ['lowgar', 'loghar'] },
  Nangarhar: { iso: 'AF-NAN', variants: ['ningarhar', 'nangrahar', 'nangahar'] },
  Nimruz: { iso: 'AF-NIM', variants: ['nimroz', 'nimrooz', 'nimrouz'] },
  Nuristan: { iso: 'AF-NUR', variants: ['nooristan', 'nurestan'] },
  Paktia: { iso: 'AF-PIA', variants: ['paktya', 'paktiya'] },
  Paktika: { iso: 'AF-PKA', variants: ['paktyka'] },
  Panjshir: { iso: 'AF-PAN', variants: ['panjsher', 'panjsheer', 'panjshear'] },
  Parwan: { iso: 'AF-PAR', variants: ['parvan'] },
  Samangan: { iso: 'AF-SAM', variants: [] },
  'Sar-e Pol': { iso: 'AF-SAR', variants: ['sar e pul', 'sari pul', 'sar i pul', 'saripul', 'sar pol', 'sare pol', 'sar e pol', 'sar i pol', 'sari pol'] },
  Takhar: { iso: 'AF-TAK', variants: [] },
  Uruzgan: { iso: 'AF-URU', variants: ['oruzgan', 'orozgan', 'urozgan', 'uruzghan'] },
  Wardak: { iso: 'AF-WAR', variants: ['maidan wardak', 'maydan wardak', 'vardak', 'wardag', 'maidan wardag', 'maydan i wardak'] },
  Zabul: { iso: 'AF-ZAB', variants: ['zabol'] },
};

/** Lower case, no accents, punctuation and runs of spaces as one space. */
export function provinceKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const afghan = new Map<string, string>();
for (const [canonical, { variants }] of Object.entries(afghanProvinces)) {
  afghan.set(provinceKey(canonical), canonical);
  for (const v of variants) afghan.set(provinceKey(v), canonical);
}

/** Results by country code ('' for none), then admin1: no key string to build per call. */
const cache = new Map<string, Map<string, string | null>>();
let cached = 0;

/**
 * The canonical province name for a dataset's admin1 value. `countryCode` (ISO alpha-2) picks
 * the table; with no country the Afghan table is tried, since it is the one the project ships.
 */
export function normaliseProvince(admin1: string, countryCode: string | null = null): string | null {
  let byName = cache.get(countryCode ?? '');
  const hit = byName?.get(admin1);
  if (hit !== undefined) return hit;
  const bare = admin1.trim().replace(unitWords, '').replace(unitPrefix, '').trim();
  let result: string | null = bare.length > 0 ? bare : null;
  if (result && (countryCode === 'AF' || countryCode === null)) result = afghan.get(provinceKey(result)) ?? result;
  if (cached < 50_000) {
    if (!byName) cache.set(countryCode ?? '', (byName = new Map<string, string | null>()));
    byName.set(admin1, result);
    cached++;
  }
  return result;
}
