// Country names as event datasets and sanctions lists spell them ("DR Congo (Zaire)", "Iran
// (Islamic Republic of)", "Côte d’Ivoire", "Korea, North") to ISO 3166-1 alpha-2, so that an
// indicator's `country: AF` finds every dataset's Afghanistan and a nationality qualifier compares
// codes, not spellings. The codes and English names are the official ISO 3166 list as packaged by
// i18n-iso-countries (249 countries and territories, plus Kosovo's XK); the spellings it lacks
// are in countries-aliases.ts. Regions and organisations ("European Union", "United Nations",
// "Europe", EU, UN) are not countries: ICU's region list, used before, accepted them.
import { createRequire } from 'node:module';
import isoCountries, { type LocaleData } from 'i18n-iso-countries/index.js';
import { countryAliases, notCountries } from './countries-aliases.js';

/**
 * Lower case, no accents or apostrophes, `&` as "and", other punctuation as spaces, no leading
 * "the", "St." as "Saint"; with `dropParenthetical`, "(…)" goes too: "DR Congo (Zaire)" → "dr congo".
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
    .replace(/^the /, '')
    .replace(/(^| )st(?= |$)/g, '$1saint');
}

let byKey: Map<string, string> | undefined;
const codes = new Set<string>();

function table(): Map<string, string> {
  if (byKey) return byKey;
  // Only the English names: the package's default entry loads all 80 languages.
  const en = createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData;
  isoCountries.registerLocale(en);
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [code, names] of Object.entries(isoCountries.getNames('en', { select: 'all' }))) {
    codes.add(code);
    for (const name of names) {
      // "Falkland Islands (Malvinas)" is also "Falkland Islands".
      for (const key of new Set([countryKey(name), countryKey(name, true)])) {
        // "Congo" is a short name of both Congos in the list; the alias table says which.
        if (map.has(key) && map.get(key) !== code) ambiguous.add(key);
        map.set(key, code);
      }
    }
  }
  for (const key of ambiguous) map.delete(key);
  for (const [name, code] of Object.entries(countryAliases)) map.set(countryKey(name), code);
  byKey = map;
  return map;
}

// Event files name the same few countries on every row.
const cache = new Map<string, string | null>();

/** A parenthetical that takes the nationality back: "Bahrain (citizenship revoked in Jan. 2015)". */
const revoked = /\((?=[^)]*\b(?:revoked|withdrawn|until|former)\b)/i;

/**
 * ISO alpha-2 for a country name or a two-letter code on the ISO list, or null when it is not a
 * country on the list. A parenthetical is first read as part of the name ("Iran (Islamic Republic
 * of)"), then dropped ("Yemen (North Yemen)"), unless it revokes the name.
 */
export function countryCode(name: string): string | null {
  let code = cache.get(name);
  if (code !== undefined) return code;
  const trimmed = name.trim();
  const names = table();
  if (notCountries.has(trimmed)) code = null;
  else if (/^[A-Za-z]{2}$/.test(trimmed)) code = codes.has(trimmed.toUpperCase()) ? trimmed.toUpperCase() : null;
  else code = names.get(countryKey(trimmed)) ?? (revoked.test(trimmed) ? null : names.get(countryKey(trimmed, true))) ?? null;
  if (cache.size < 10_000) cache.set(name, code);
  return code;
}

/** The codes of those names that are countries on the list, each once. */
export function countryCodes(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const code = countryCode(n);
    if (code) out.add(code);
  }
  return [...out];
}
