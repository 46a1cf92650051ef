// Name normalisation (docs/sanctions.md): Unicode NFKC, case fold, diacritics and
// punctuation out, Arabic/Persian (and Cyrillic, Greek) script to Latin, honorifics dropped,
// the Arabic particles made uniform (al-/el-, bin/ibn, abd-, abu-, -uddin, -ullah) so that
// "Abdul Ghani", "Abdulghani" and "عبدالغنی" come out alike. Token order is kept here and
// ignored by the scorer.
import { transliterate } from './translit.js';
import { classSkeleton, classSpelling, render } from './variants.js';

export interface Token {
  /** The normalised token (`sirajuddin`, `abdghani`, `bin`). */
  text: string;
  /** Spelling-variant fold used for string similarity: q→k, o→u, ee→i, dh→z, w→v, y→i, no doubles. */
  fold: string;
  /** Consonant skeletons; Arabic-script tokens carry two (و/ی read as vowels, and as consonants). */
  keys: string[];
  /** Skeleton with each vowel run kept as `V`: for comparing two Latin spellings, where vowels were written. */
  vkey: string;
  /** `vkey` (Latin) or the first skeleton (Arabic) with consonants replaced by their variant class (variants.ts). */
  cls: string;
  /** The skeletons by variant class, for retrieval. */
  ckeys: string[];
  /** The folded spelling with the variant-class letters made one, vowels kept. */
  cspell: string;
  /** From Arabic script: no short vowels were written, so only skeletons compare. */
  arabic: boolean;
  /**
   * A word that is a title for some people and a name for others (Hafiz, Haji, Sheikh, Sayed),
   * or an epithet ("the German"): kept, at a fraction of its weight, so that it proves little
   * when it aligns and costs little when it does not.
   */
  soft?: boolean;
  /** Written with the article and ending in -i (al-Maghribi, al-Shishani): maybe a nisba, an origin that one publisher adds and another leaves out. */
  nisba?: boolean;
  /** The second part of a hyphenated compound surname (Fakhrizadeh-Mahabadi): one publisher writes the whole, another the first part. */
  compound?: boolean;
  /** Set by the index for its own (interned) tokens: a slot in per-query similarity caches. */
  id?: number;
}

export interface NormalName {
  original: string;
  tokens: Token[];
  /** Honorifics and titles removed from the name, for the explanation. */
  dropped: string[];
}

/** Titles and honorifics that are never names, in Latin spellings and as our table transliterates their Arabic-script spelling. */
export const HONORIFICS = new Set([
  'mullah', 'mulla', 'molla', 'mollah', 'maulvi', 'mawlawi', 'mawlavi', 'moulvi', 'maulavi', 'molvi', 'moulavi', 'mawlvi', 'maulana', 'mawlana', 'moulana',
  'maulawi', 'molawi', 'molavi', 'mulavi', 'moulawi', 'mowlawi', 'mowlavi', 'mulawi', 'malawi', 'maolawi', 'mawlai', 'mulvi', 'ustad', 'ustadh', 'ustadz', 'ustaz', 'ustaad', 'udtadz',
  'alhaj', 'alhaji', 'hajj', 'haj', 'qari', 'qary', 'kari', 'mufti',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'prof', 'professor', 'sir', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'capt', 'eng', 'engineer',
  // Arabic-script spellings as transliterated: ملا, مولوی, مولانا, الحاج, قاری, مفتی, دکتور, استاد.
  'mla', 'mlla', 'mwlwy', 'mwlawy', 'mwlana', 'alhaj', 'mfty', 'dktwr', 'dktr', 'astad',
]);

/** Titles that are also names (Hafez al-Assad, Mohamed Omar Haji, Muhammad Naeem Sheikh): kept as soft tokens. */
export const SOFT_TITLES = new Set([
  'hafiz', 'hafez', 'haji', 'hajji', 'hadji', 'sheikh', 'shaikh', 'shaykh', 'sheik', 'shaik', 'sayed', 'sayyed', 'sayyid', 'sayid', 'syed', 'seyed', 'seyyed', 'sayyed',
  // حافظ, حاجی, شیخ, سید as transliterated.
  'hafz', 'hajy', 'hjy', 'hj', 'shykh', 'syd',
]);

/** Words that introduce an epithet ("Omar the Chechen", "Abu Adam aus Deutschland"); the word after them is soft. */
const EPITHET_LINKS = new Set(['the', 'from', 'aus']);
/** French "le Marocain", "la Tunisienne": only before a word that reads as a demonym. */
const FRENCH_EPITHET = /(?:ain|aine|ien|ienne|ais|aise|ois|oise|an|ane)$/;

/** Abbreviations publishers write for a name (Malaysian and Indonesian lists write Mohd, Muh). */
const ABBREVIATIONS: Readonly<Record<string, string>> = { mohd: 'mohammad', muhd: 'muhammad', mhd: 'mohammad', md: 'mohammad', muh: 'muhammad', moh: 'mohammad' };

const ARTICLES = new Set(['al', 'el', 'ul', 'l']);
const DIN_LINKS = new Set(['ud', 'ad', 'ed', 'ud', 'uddin']);
const DIN = new Set(['din', 'deen', 'dine', 'dyn', 'diin', 'dien', 'ddin', 'ddine', 'ddeen', 'dden', 'dinn', 'addin', 'uddin', 'eddine', 'uddeen', 'eddin']);
const ALLAH = new Set(['allah', 'ullah', 'ulla', 'alla', 'lah', 'llah', 'illah', 'ollah', 'olah', 'ulah', 'allh', 'llh']);
/** The article assimilated to a sun letter, written apart: Shams ur-Rahman, Habib us-Salam. */
const LINKS = new Set(['u', 'ur', 'us', 'ud', 'ush', 'uz', 'ut', 'un', 'ar', 'as', 'ash', 'az', 'at', 'an', 'er', 'es', 'ez', 'et', 'en']);
const BIN = new Set(['bin', 'ibn', 'bn', 'ben', 'bint', 'binti', 'ebn', 'bnt']);
const ABU = new Set(['abu', 'abou', 'abo', 'abw', 'abi']);
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdu', 'abdoul', 'abdool', 'abdur', 'abdus', 'abdor', 'abdol', 'abdel', 'abdi']);
const ABD_FUSED = /^abd(?:oul|ool|ul|el|al|ol|ur|us|u)?([a-z]{3,})$/;

const LATIN_EXTRA: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h' };

/** Notes inside a name field: "(false identity related to …)", "(birth name)", ", born 1 Jan. 1953 …". */
const stripNotes = (text: string): string => text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ').replace(/,\s*(?:born|b\.|dob)\b.*$/i, ' ');

function cleanLatin(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıħ]/g, (c) => LATIN_EXTRA[c] ?? c)
    // Apostrophes and ayn/hamza marks join (Na'ib → naib); every other non-letter separates.
    .replace(/['’‘`´ʿʾʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Spelling variants that transliterations of the same name swap freely (q/k, u/o, i/ee, dh/z, w/v). */
export function fold(token: string, arabic = false): string {
  // Transliterated Arabic has no Latin digraph spellings to undo (ذ is already z), and a d+h
  // from د+ه must not turn into z.
  if (arabic) return token.replace(/q/g, 'k').replace(/w/g, 'v').replace(/y/g, 'i').replace(/(.)\1+/g, '$1');
  const s = token
    .replace(/ph/g, 'f')
    // Abd + H… (abdhakim) is no dh.
    .replace(/^abdh/, 'abd-h')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/dh/g, 'z')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/o/g, 'u')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace('-', '');
  return s.replace(/(.)\1+/g, '$1');
}

const VOWEL = /[aeiou]/;

/** Consonant skeleton of a folded token: one symbol per digraph, an initial vowel as `A`, no other vowels. */
export function skeleton(folded: string, dropMedialV: boolean, markVowels = false): string {
  let s = folded.replace(/tch/g, 'C').replace(/sh/g, 'S').replace(/ch/g, 'C').replace(/kh/g, 'X').replace(/gh/g, 'G').replace(/th/g, 'T').replace(/zh/g, 'J').replace(/dj/g, 'j').replace(/x/g, 'ks');
  s = s.replace(/h$/, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (i === 0) out += VOWEL.test(c) ? 'A' : c;
    else if (VOWEL.test(c)) {
      if (markVowels && !out.endsWith('V')) out += 'V';
    } else if (dropMedialV && c === 'v') continue;
    else out += c;
  }
  return out.replace(/([^V])\1+/g, '$1');
}

/** Tokens made before, by text and kind: the same words recur across millions of names. Bounded. */
const made = new Map<string, Token>();
const MADE_MAX = 200_000;

export function makeToken(text: string, arabic: boolean, soft = false): Token {
  const key = `${arabic ? 'a' : 'l'}${soft ? 's' : 'f'}${text}`;
  const known = made.get(key);
  // A copy: callers set their own nisba flag and index id on it.
  if (known) return { ...known };
  if (made.size >= MADE_MAX) made.clear();
  const t = freshToken(text, arabic, soft);
  made.set(key, t);
  return { ...t };
}

function freshToken(text: string, arabic: boolean, soft: boolean): Token {
  const f = fold(text, arabic);
  const keys = [skeleton(f, false)];
  if (arabic) {
    const dropped = skeleton(f, true);
    if (dropped !== keys[0]) keys.push(dropped);
  }
  // A final silent e (Jallaloudine, Eddine) is a spelling habit, not a vowel.
  const vkey = skeleton(f.length > 3 ? f.replace(/e$/, '') : f, false, true);
  const ckeys = [...new Set(keys.map(classSkeleton))];
  return { text, fold: f, keys, vkey, cls: arabic ? (ckeys[0] as string) : classSkeleton(vkey), cspell: classSpelling(f), ckeys, arabic, ...(soft ? { soft: true } : {}) };
}

/** Applies the particle rules to Latin tokens (see the module comment). */
export function canonicalTokens(raw: string[]): string[] {
  const out: string[] = [];
  let pending: 'abd' | 'abu' | undefined;
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i] as string;
    let t = ABBREVIATIONS[word] ?? word;
    const next = raw[i + 1];
    if ((ARTICLES.has(t) || DIN_LINKS.has(t)) && next !== undefined && DIN.has(next) && out.length > 0) continue;
    if (ARTICLES.has(t)) continue;
    // A link is the article only when assimilated to the next word's first consonant (ur-Rahman,
    // az-Zawahiri, ash-Shami); otherwise it is a word of its own.
    if (LINKS.has(t) && next !== undefined && /^[a-z]{3,}$/.test(next) && next.startsWith(t.slice(1))) {
      // u-forms make a compound with the word before (Shams ur-Rahman → shamsurrahman) …
      if (t.startsWith('u') && out.length > 0 && !pending && raw.length > 2) {
        out[out.length - 1] += t + next;
        i++;
        continue;
      }
      // … a-/e-forms are the article itself (Ayman az-Zawahiri, Abd ar-Rahman): dropped like al-.
      if (out.length > 0 || pending) continue;
    }
    if (DIN.has(t) && out.length > 0 && !pending) {
      out[out.length - 1] += 'uddin';
      continue;
    }
    if (ALLAH.has(t) && out.length > 0 && !pending) {
      out[out.length - 1] += 'ullah';
      continue;
    }
    if (BIN.has(t)) t = 'bin';
    if (ABD.has(t) && next !== undefined) {
      pending = 'abd';
      continue;
    }
    if (ABU.has(t) && next !== undefined) {
      pending = 'abu';
      continue;
    }
    const fused = ABD_FUSED.exec(t);
    if (fused) t = `abd${fused[1]}`;
    if (ALLAH.has(t) && pending) t = 'ullah';
    if (pending) {
      t = `${pending}${t}`;
      pending = undefined;
    }
    // "al" fused onto the next word is left alone (Ali, Alam); only the separate article goes.
    out.push(t);
  }
  return out;
}

/**
 * The article written fused (Elkaddafi, Alsharekh, Elsheikh) goes as when written apart, as the
 * Arabic-script reading already splits ال; short rests stay (Ali, Alam, Albert).
 */
const unfuseArticle = (t: string): string => /^(?:al|el)([b-df-hj-np-tv-z][a-z]{4,})$/.exec(t)?.[1] ?? t;

/** Epithet words: the link goes, the word after it is soft ("Omar the Chechen" → omar, ~chechen). */
function epithets(raw: string[]): { words: string[]; soft: Set<string>; links: string[] } {
  const words: string[] = [];
  const soft = new Set<string>();
  const links: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const next = raw[i + 1];
    const french = (t === 'le' || t === 'la') && next !== undefined && i === raw.length - 2 && FRENCH_EPITHET.test(next);
    if (i > 0 && next !== undefined && (EPITHET_LINKS.has(t) || french)) {
      links.push(t);
      soft.add(next);
      continue;
    }
    words.push(t);
  }
  return { words, soft, links };
}

/** A name's words after every rule, before each becomes a Token (the index build needs no more). */
export interface AnalysedWords {
  words: Array<{ text: string; soft: boolean; nisba: boolean; compound: boolean }>;
  arabic: boolean;
  dropped: string[];
}

/** Latin words rewritten to the English orthography, with a fused article split off; memoised, as words recur. */
const englishWords = new Map<string, string>();
const englishWord = (w: string): string => {
  let out = englishWords.get(w);
  if (out === undefined) {
    out = unfuseArticle(render(w));
    if (englishWords.size >= MADE_MAX) englishWords.clear();
    englishWords.set(w, out);
  }
  return out;
};

/** Hyphenated words of four letters or more on both sides, neither a particle (al-, abd-, bin-, -uddin): compound surnames. */
function compounds(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(\p{L}{4,})-(?=(\p{L}{4,}))/gu)) {
    const [a, b] = [englishWord(cleanLatin(m[1] as string)), englishWord(cleanLatin(m[2] as string))];
    if (ABD.has(a) || ABU.has(a) || BIN.has(a) || DIN.has(b) || ALLAH.has(b) || ABD_FUSED.test(a)) continue;
    out.add(`${a} ${b}`);
  }
  return out;
}

export function analyseName(name: string): AnalysedWords {
  const { text, arabic } = transliterate(stripNotes(name));
  const cleaned = cleanLatin(text).split(' ').filter(Boolean);
  const hyphenated = !arabic && text.includes('-') ? compounds(text) : undefined;
  // Other orthographies' spellings to the English one (German tsch, Indonesian sy, French c).
  const { words, soft, links } = epithets(arabic ? cleaned : cleaned.map(englishWord));
  // Titles go before the particle rules, so that "Qari Din Mohammad" keeps Din as a name instead
  // of reading it as the -uddin of "Qari"; a name made only of titles keeps them.
  const untitled = words.filter((t) => !HONORIFICS.has(t));
  const dropped = untitled.length > 0 ? words.filter((t) => HONORIFICS.has(t)) : [];
  const canonical = canonicalTokens(untitled.length > 0 ? untitled : words);
  const kept = canonical.filter((t) => !HONORIFICS.has(t));
  if (kept.length > 0) dropped.push(...canonical.filter((t) => HONORIFICS.has(t)));
  dropped.push(...links);
  // A repeated word ("Sultan Saleh Aida Aida Zabin", "Manaa Manaa") says nothing more the second
  // time; but a name of one word twice (Sa'id Sa'id, Muhammad al-Muhammad) stays two words long.
  const all = kept.length > 0 ? kept : canonical;
  const distinct = [...new Set(all)];
  const final = distinct.length >= 2 ? distinct : all;
  const nisbas = new Set(words.filter((t, i) => i > 0 && ARTICLES.has(words[i - 1] as string) && /(?:[iy]|iyy?ah?)$/.test(t) && t.length >= 5));
  // Soft tokens only when something firm remains: "Sheikh" alone is a name.
  const isSoft = (t: string) => SOFT_TITLES.has(t) || soft.has(t);
  const firm = final.some((t) => !isSoft(t));
  return { words: final.map((t, i) => ({ text: t, soft: firm && isSoft(t), nisba: nisbas.has(t) && !arabic, compound: i > 0 && !!hyphenated?.has(`${final[i - 1]} ${t}`) })), arabic, dropped };
}

export function normalizeName(name: string): NormalName {
  const a = analyseName(name);
  const tokens = a.words.map((w) => {
    const token = makeToken(w.text, a.arabic, w.soft);
    if (w.nisba) token.nisba = true;
    if (w.compound) token.compound = true;
    return token;
  });
  return { original: name, tokens, dropped: a.dropped };
}
