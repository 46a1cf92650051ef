// Country names as lists write them ("Iran (Islamic Republic of)", "Syrian Arab Republic") to
// ISO 3166-1 alpha-2, so that nationality qualifiers compare codes, not spellings. The English
// names come from ICU (Intl.DisplayNames); the table below adds the UN and OFAC forms ICU lacks.
const EXTRA: Record<string, string> = {
  'iran islamic republic of': 'IR',
  'syrian arab republic': 'SY',
  'democratic peoples republic of korea': 'KP',
  'korea north': 'KP',
  'republic of korea': 'KR',
  'korea south': 'KR',
  'russian federation': 'RU',
  'united republic of tanzania': 'TZ',
  'viet nam': 'VN',
  'lao peoples democratic republic': 'LA',
  'republic of moldova': 'MD',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'democratic republic of the congo': 'CD',
  'congo democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  'cote divoire': 'CI',
  'ivory coast': 'CI',
  'united kingdom of great britain and northern ireland': 'GB',
  'united states of america': 'US',
  'burma': 'MM',
  'turkiye': 'TR',
  'state of palestine': 'PS',
  'palestinian': 'PS',
  'west bank': 'PS',
  'gaza': 'PS',
  'north macedonia': 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  'macedonia': 'MK',
  'bosnia herzegovina': 'BA',
  'kyrgyz republic': 'KG',
  'czech republic': 'CZ',
  'swaziland': 'SZ',
  'cape verde': 'CV',
  'east timor': 'TL',
  'holy see': 'VA',
  'micronesia federated states of': 'FM',
  'saint kitts and nevis': 'KN',
  'saint lucia': 'LC',
  'saint vincent and the grenadines': 'VC',
};

const key = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue;
      }
      if (name && name !== code) map.set(key(name), code);
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) map.set(key(name), code);
  return map;
}

/** ISO alpha-2 for a country name or code, or undefined when the name is not a country we know. */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  table ??= build();
  const k = key(trimmed);
  return table.get(k) ?? table.get(k.replace(/ \(.*$/, ''));
}

export function countryCodes(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const code = countryCode(n);
    if (code) out.add(code);
  }
  return [...out];
}
