// Country names as datasets spell them, mapped to ISO 3166-1 alpha-2, so that an indicator's
// `country: AF` finds UCDP's "Afghanistan" and ACLED's too. English names come from ICU
// (Intl.DisplayNames); the table below adds the spellings UCDP and ACLED use that ICU lacks.

const aliases: Record<string, string> = {
  'dr congo': 'CD', 'democratic republic of congo': 'CD', 'democratic republic of the congo': 'CD', 'zaire': 'CD',
  'congo': 'CG', 'republic of congo': 'CG', 'republic of the congo': 'CG',
  'ivory coast': 'CI', 'cote d ivoire': 'CI',
  'united states of america': 'US', 'united states': 'US', 'usa': 'US',
  'russia': 'RU', 'soviet union': 'RU',
  'bosnia herzegovina': 'BA', 'bosnia and herzegovina': 'BA',
  'macedonia fyr': 'MK', 'macedonia': 'MK', 'north macedonia': 'MK',
  'kingdom of eswatini': 'SZ', 'eswatini': 'SZ', 'swaziland': 'SZ',
  'myanmar': 'MM', 'burma': 'MM', 'cambodia': 'KH', 'kampuchea': 'KH',
  'serbia': 'RS', 'yugoslavia': 'RS', 'zimbabwe': 'ZW', 'rhodesia': 'ZW', 'madagascar': 'MG',
  'yemen': 'YE', 'north yemen': 'YE', 'vietnam': 'VN', 'north vietnam': 'VN', 'south vietnam': 'VN',
  'burkina faso': 'BF', 'upper volta': 'BF',
  'east timor': 'TL', 'timor leste': 'TL', 'cape verde': 'CV', 'cabo verde': 'CV',
  'palestine': 'PS', 'palestinian territories': 'PS', 'turkey': 'TR', 'turkiye': 'TR',
  'czech republic': 'CZ', 'czechia': 'CZ', 'syria': 'SY', 'iran': 'IR', 'laos': 'LA',
  'south korea': 'KR', 'north korea': 'KP', 'tanzania': 'TZ', 'bolivia': 'BO', 'venezuela': 'VE',
  'moldova': 'MD', 'gambia': 'GM', 'the gambia': 'GM', 'guinea bissau': 'GW', 'brunei': 'BN',
  'micronesia': 'FM', 'sao tome and principe': 'ST', 'united kingdom': 'GB', 'taiwan': 'TW',
  'kosovo': 'XK', 'hyderabad': 'IN',
};

/** Lower case, no accents, no parenthetical, punctuation as spaces: "DR Congo (Zaire)" → "dr congo". */
export function countryKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, ' ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const A = 65;
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(A + a, A + b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code) map.set(countryKey(name), code);
    }
  }
  for (const [name, code] of Object.entries(aliases)) map.set(name, code);
  byName = map;
  return map;
}

const cache = new Map<string, string | null>();

/** ISO alpha-2 for a country name, or null when the name is not known. */
export function countryCode(name: string): string | null {
  let code = cache.get(name);
  if (code !== undefined) return code;
  code = table().get(countryKey(name)) ?? null;
  if (cache.size < 10_000) cache.set(name, code);
  return code;
}

/** An indicator's `country`: an ISO code (`AF`) or the dataset's own name (`Afghanistan`). */
export function countryFilter(value: string): { code: string } | { name: string } {
  if (/^[A-Za-z]{2}$/.test(value)) return { code: value.toUpperCase() };
  return { name: value };
}
