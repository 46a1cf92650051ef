// Country names as event datasets and sanctions lists spell them ("DR Congo (Zaire)", "Iran
// (Islamic Republic of)", "Côte d’Ivoire", "Bosnia & Herzegovina") to ISO 3166-1 alpha-2, so that
// an indicator's `country: AF` finds every dataset's Afghanistan and a nationality qualifier
// compares codes, not spellings. The English names come from ICU (Intl.DisplayNames); the table
// adds the forms UCDP, ACLED, the UN and OFAC use that ICU lacks, and former names of today's
// states. States that no longer exist as a whole (Czechoslovakia, the German Democratic Republic)
// have no code today and stay unmapped.

const aliases: Record<string, string> = {
  // UCDP and ACLED
  'dr congo': 'CD', 'democratic republic of congo': 'CD', 'zaire': 'CD',
  'congo': 'CG', 'republic of congo': 'CG',
  'cote d ivoire': 'CI', 'ivory coast': 'CI',
  'united states': 'US', 'usa': 'US',
  'russia': 'RU', 'soviet union': 'RU',
  'bosnia herzegovina': 'BA', 'macedonia fyr': 'MK', 'macedonia': 'MK',
  'kingdom of eswatini': 'SZ', 'swaziland': 'SZ',
  'burma': 'MM', 'kampuchea': 'KH', 'yugoslavia': 'RS', 'rhodesia': 'ZW',
  'north yemen': 'YE', 'north vietnam': 'VN', 'south vietnam': 'VN', 'upper volta': 'BF',
  'east timor': 'TL', 'timor leste': 'TL', 'cape verde': 'CV',
  'palestine': 'PS', 'palestinian territories': 'PS', 'turkey': 'TR', 'turkiye': 'TR',
  'czech republic': 'CZ', 'syria': 'SY', 'iran': 'IR', 'laos': 'LA',
  'south korea': 'KR', 'north korea': 'KP', 'tanzania': 'TZ', 'bolivia': 'BO', 'venezuela': 'VE',
  'moldova': 'MD', 'gambia': 'GM', 'guinea bissau': 'GW', 'brunei': 'BN', 'micronesia': 'FM',
  'sao tome and principe': 'ST', 'united kingdom': 'GB', 'taiwan': 'TW', 'kosovo': 'XK', 'hyderabad': 'IN',
  // UN and OFAC
  'iran islamic republic of': 'IR', 'syrian arab republic': 'SY',
  'democratic peoples republic of korea': 'KP', 'korea democratic peoples republic of': 'KP', 'korea north': 'KP',
  'republic of korea': 'KR', 'korea republic of': 'KR', 'korea south': 'KR',
  'russian federation': 'RU', 'united republic of tanzania': 'TZ', 'viet nam': 'VN',
  'lao peoples democratic republic': 'LA', 'republic of moldova': 'MD',
  'bolivia plurinational state of': 'BO', 'venezuela bolivarian republic of': 'VE',
  'democratic republic of the congo': 'CD', 'congo democratic republic of the': 'CD', 'republic of the congo': 'CG',
  'cote divoire': 'CI', 'united kingdom of great britain and northern ireland': 'GB', 'united states of america': 'US',
  'state of palestine': 'PS', 'palestinian': 'PS', 'west bank': 'PS', 'gaza': 'PS',
  'north macedonia': 'MK', 'former yugoslav republic of macedonia': 'MK', 'kyrgyz republic': 'KG',
  'holy see': 'VA', 'vatican city state': 'VA', 'micronesia federated states of': 'FM', 'federated states of micronesia': 'FM',
  'saint kitts and nevis': 'KN', 'saint lucia': 'LC', 'saint vincent and the grenadines': 'VC',
};

/**
 * Lower case, no accents or apostrophes, `&` as "and", other punctuation as spaces, no leading
 * "the"; with `dropParenthetical`, "(…)" goes too: "DR Congo (Zaire)" → "dr congo".
 */
export function countryKey(name: string, dropParenthetical = false): string {
  let s = name.normalize('NFKD').replace(/\p{M}/gu, '');
  if (dropParenthetical) s = s.replace(/\(.*?\)/g, ' ');
  return s
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

let byKey: Map<string, string> | undefined;
/** The region codes ICU names, without withdrawn ones. */
const codes = new Set<string>();

function table(): Map<string, string> {
  if (byKey) return byKey;
  const map = new Map<string, string>();
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(65 + a, 65 + b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      // Withdrawn codes (HV, BU, UK, YU…) carry their successor's name; they must not take it over.
      if (!name || name === code || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.add(code);
      map.set(countryKey(name), code);
      map.set(countryKey(name, true), code);
    }
  }
  for (const [name, code] of Object.entries(aliases)) map.set(countryKey(name), code);
  byKey = map;
  return map;
}

// Event files name the same few countries on every row.
const cache = new Map<string, string | null>();

/**
 * ISO alpha-2 for a country name or a current two-letter code, or null when it is not a country we know.
 * A parenthetical is first read as part of the name ("Iran (Islamic Republic of)"), then
 * dropped ("Yemen (North Yemen)").
 */
export function countryCode(name: string): string | null {
  let code = cache.get(name);
  if (code !== undefined) return code;
  const trimmed = name.trim();
  const names = table();
  if (/^[A-Za-z]{2}$/.test(trimmed)) code = codes.has(trimmed.toUpperCase()) ? trimmed.toUpperCase() : null;
  else code = names.get(countryKey(trimmed)) ?? names.get(countryKey(trimmed, true)) ?? null;
  if (cache.size < 10_000) cache.set(name, code);
  return code;
}

/** The codes of those names that are countries we know, each once. */
export function countryCodes(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const code = countryCode(n);
    if (code) out.add(code);
  }
  return [...out];
}
