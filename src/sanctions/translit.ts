// Script-to-Latin tables. Arabic script is written without short vowels, so a transliterated
// token carries consonants and long vowels only ("محمد" → "mhmd"); the matcher compares such
// tokens by consonant skeleton, never by their vowels. The Arabic table also covers the extra
// letters of Persian (Dari), Pashto and Urdu, which the UN list uses for Afghan names.
// Documented in docs/sanctions.md; change both together.

export const ARABIC: Readonly<Record<string, string>> = {
  // Alef and hamza forms: a vowel carrier, not a consonant.
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': '', 'ؤ': 'u', 'ئ': 'i',
  'ب': 'b', 'پ': 'p', 'ت': 't', 'ٹ': 't', 'ټ': 't', 'ث': 'th', 'ج': 'j', 'چ': 'ch', 'ځ': 'z', 'څ': 's',
  'ح': 'h', 'خ': 'kh', 'د': 'd', 'ڈ': 'd', 'ډ': 'd', 'ذ': 'z', 'ر': 'r', 'ڑ': 'r', 'ړ': 'r',
  'ز': 'z', 'ژ': 'zh', 'ږ': 'zh', 'س': 's', 'ش': 'sh', 'ښ': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z',
  // Ayn is usually written as a vowel in Latin spellings (Omar, Ali, Abd).
  'ع': 'a', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ک': 'k', 'ك': 'k', 'ګ': 'g', 'گ': 'g', 'ل': 'l', 'م': 'm',
  'ن': 'n', 'ں': 'n', 'ڼ': 'n', 'و': 'w', 'ه': 'h', 'ہ': 'h', 'ھ': 'h', 'ۀ': 'h', 'ة': 'h',
  'ی': 'y', 'ي': 'y', 'ى': 'y', 'ې': 'y', 'ۍ': 'y', 'ے': 'y',
  // Vowel marks, rare in lists but honoured when present; shadda doubles, sukun and tatweel vanish.
  'َ': 'a', 'ُ': 'u', 'ِ': 'i', 'ً': 'an', 'ٌ': 'un', 'ٍ': 'in', 'ْ': '', 'ـ': '', 'ٰ': 'a',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
  '،': ' ', '؛': ' ', '؟': ' ',
};

const SHADDA = '\u0651';

export const CYRILLIC: Readonly<Record<string, string>> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ґ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'є': 'ye', 'ж': 'zh', 'з': 'z', 'и': 'i',
  'і': 'i', 'ї': 'yi', 'й': 'y', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's',
  'т': 't', 'у': 'u', 'ў': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y',
  'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
};

export const GREEK: Readonly<Record<string, string>> = {
  'α': 'a', 'β': 'v', 'γ': 'g', 'δ': 'd', 'ε': 'e', 'ζ': 'z', 'η': 'i', 'θ': 'th', 'ι': 'i', 'κ': 'k', 'λ': 'l', 'μ': 'm',
  'ν': 'n', 'ξ': 'x', 'ο': 'o', 'π': 'p', 'ρ': 'r', 'σ': 's', 'ς': 's', 'τ': 't', 'υ': 'y', 'φ': 'f', 'χ': 'ch', 'ψ': 'ps', 'ω': 'o',
};

export const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const OTHER_SCRIPTS = /[\u0400-\u04FF\u0370-\u03FF]/;

/** Arabic words that Latin spellings write as two or fused (الله, عبدالله, the article ال). */
function splitArabicWord(word: string): string[] {
  if (word === 'الله') return [word];
  const m = /^(عبد|ابو|أبو)(ال.+)$/.exec(word);
  if (m) return [m[1] as string, ...splitArabicWord(m[2] as string)];
  const article = /^ال(.{2,})$/.exec(word);
  if (article && word !== 'الله') return ['ال', article[1] as string];
  return [word];
}

function mapChars(text: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  let prev = '';
  for (const ch of text) {
    if (ch === SHADDA) {
      out += prev;
      continue;
    }
    const mapped = table[ch];
    if (mapped === undefined) {
      out += ch;
      prev = ch;
    } else {
      out += mapped;
      prev = mapped.slice(-1);
    }
  }
  return out;
}

/** Latin text for any supported script; text already in Latin passes through. */
export function transliterate(text: string): { text: string; arabic: boolean } {
  let arabic = false;
  let out = text;
  if (ARABIC_SCRIPT.test(out)) {
    arabic = true;
    // Presentation forms (ﻻ, ﷲ…) to base letters first.
    const words = out.normalize('NFKC').split(/\s+/).flatMap(splitArabicWord);
    // Ta marbuta before Allah is read as t (هبة الله → Hibatullah); elsewhere as a silent h.
    // A word-final ta marbuta is silent in Latin spellings (Hamza, Usama, Talha); written as h it
    // would fuse with a letter before it into a digraph (طلحة → "tlhh", سلامة → "slamh").
    const silentEnd = (w: string) => w.replace(/(?<=.)[ةۀ]$/, '');
    out = words.map((w, i) => (w === 'الله' ? 'allah' : mapChars(words[i + 1] === 'الله' ? w.replace(/ة$/, 'ت') : silentEnd(w), ARABIC))).join(' ');
  }
  if (OTHER_SCRIPTS.test(out)) {
    out = mapChars(out.normalize('NFC').toLowerCase(), CYRILLIC);
    out = mapChars(out.normalize('NFD').replace(/\p{M}/gu, ''), GREEK);
  }
  return { text: out, arabic };
}
