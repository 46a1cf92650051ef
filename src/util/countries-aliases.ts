// Names for countries that the official ISO 3166 list (i18n-iso-countries, English) lacks, as
// event datasets and sanctions lists write them. Keys are compared after countryKey() (lower case,
// no accents, punctuation as spaces, no leading "the"), so "Korea, North" is `korea north`.
// Former names map to today's state (UCDP codes its whole history under them); dissolved states
// with no single successor (Czechoslovakia, the German Democratic Republic) have no entry.
// Every entry was seen in a file deeds reads: UCDP GED and ACLED `country`, the UN Consolidated
// List's NATIONALITY and COUNTRY, OFAC's remarks (`nationality …`, `citizen …`) and addresses.
export const countryAliases: Readonly<Record<string, string>> = {
  // UCDP and ACLED
  'dr congo': 'CD', 'democratic republic of congo': 'CD', 'zaire': 'CD',
  'congo': 'CG', 'republic of congo': 'CG',
  'cote d ivoire': 'CI', 'cote divoire': 'CI',
  'bosnia herzegovina': 'BA', 'macedonia fyr': 'MK', 'macedonia': 'MK',
  'kingdom of eswatini': 'SZ', 'swaziland': 'SZ',
  'burma': 'MM', 'kampuchea': 'KH', 'yugoslavia': 'RS', 'rhodesia': 'ZW', 'soviet union': 'RU',
  'north yemen': 'YE', 'north vietnam': 'VN', 'south vietnam': 'VN', 'upper volta': 'BF',
  'east timor': 'TL', 'cape verde': 'CV', 'palestinian territories': 'PS',
  'syria': 'SY', 'cabo verde': 'CV', 'british virgin islands': 'VG',
  'guinea bissau': 'GW', 'hyderabad': 'IN', 'laos': 'LA', 'brunei': 'BN', 'moldova': 'MD', 'kosovo': 'XK',
  'holy see': 'VA', 'vatican city state': 'VA', 'federated states of micronesia': 'FM', 'micronesia': 'FM',
  // UN
  'iran islamic republic of': 'IR', 'democratic peoples republic of korea': 'KP',
  'republic of korea': 'KR', 'united republic of tanzania': 'TZ', 'viet nam': 'VN',
  'lao peoples democratic republic': 'LA', 'republic of moldova': 'MD',
  'bolivia plurinational state of': 'BO', 'venezuela bolivarian republic of': 'VE',
  'united kingdom of great britain and northern ireland': 'GB', 'libyan arab jamahiriya': 'LY',
  'china hong kong special administrative region': 'HK', 'hong kong special administrative region': 'HK',
  'sultanate of oman': 'OM', 'union of the comoros': 'KM', 'former yugoslav republic of macedonia': 'MK',
  'micronesia federated states of': 'FM',
  // OFAC: "Korea, North", "Congo, Republic of the", "Bahamas, The", "Virgin Islands, British"
  'korea north': 'KP', 'korea south': 'KR', 'korea democratic peoples republic of': 'KP', 'korea republic of': 'KR',
  'congo democratic republic of the': 'CD', 'congo republic of the': 'CG', 'bahamas the': 'BS',
  'macedonia the former yugoslav republic of': 'MK', 'north macedonia the republic of': 'MK',
  'virgin islands british': 'VG', 'gambia the': 'GM', 'the gambia': 'GM', 'macau': 'MO',
  'burma myanmar': 'MM', 'kyrgyz republic': 'KG', 'west bank': 'PS', 'gaza': 'PS',
  // ICU's short English names, which deeds used before the ISO list ("St." is read as "Saint")
  'congo kinshasa': 'CD', 'congo brazzaville': 'CG', 'hong kong sar china': 'HK', 'macao sar china': 'MO',
  'vatican city': 'VA', 'caribbean netherlands': 'BQ', 'sint maarten': 'SX', 'saint martin': 'MF',
  'us virgin islands': 'VI', 'us outlying islands': 'UM', 'south georgia and south sandwich islands': 'GS',
  'heard and mcdonald islands': 'HM', 'saint vincent and grenadines': 'VC',
  // Nationalities written as adjectives in the UN list's NATIONALITY and OFAC's remarks
  'afghan': 'AF', 'algerian': 'DZ', 'palestinian': 'PS', 'saudi arabian': 'SA', 'somali': 'SO', 'yemeni': 'YE',
};

/**
 * Written where a country is unknown: the UN list's NATIONALITY holds "na". Compared as written,
 * so that "NA" is still Namibia.
 */
export const notCountries: ReadonlySet<string> = new Set(['na', 'n/a', 'N/A']);
