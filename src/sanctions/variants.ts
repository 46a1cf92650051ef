// Transliteration variants: the spellings that publishers use for the same sound of an Arabic,
// Persian, Pashto or Russian name. Two tables, documented in docs/sanctions.md (change both
// together):
//
// - RENDERINGS rewrites spellings of another language's orthography into the English one before
//   anything else compares them (German "Tschatajew" = "Chatayev", Indonesian "Rosyid" = "Rashid",
//   French "Lounici" = "Lounisi").
// - CLASSES groups consonant symbols that stand for one Arabic letter in different publishers'
//   hands (ق written q, k, g or gh: Qadhafi / Gaddafi / Ghadaffi; ذ written dh, th, d or z:
//   Qadhafi / Ghathafi / Gaddafi / Qazafi). Tokens whose skeletons agree class by class are
//   spelling variants of each other; the scorer credits that slightly below an exact spelling.

export interface Rendering {
  /** The pattern, applied to a lower-case token. */
  from: RegExp;
  to: string;
  language: string;
  example: string;
}

export const RENDERINGS: readonly Rendering[] = [
  { from: /tsch/g, to: 'ch', language: 'German', example: 'Tschatajew → Chatajew' },
  { from: /dsch/g, to: 'j', language: 'German', example: 'Dschamal → Jamal' },
  // Russian дж, written dzh in the English rendering of Cyrillic (and by our own Cyrillic table).
  { from: /dzh/g, to: 'j', language: 'Russian', example: 'Dzhikhad → Jikhad, Dzhokhar → Jokhar' },
  { from: /sch/g, to: 'sh', language: 'German', example: 'Schamil → Shamil' },
  // German j is the English y; only in Slavic surname endings is that safe to assume (Jamal is Jamal).
  { from: /(?<=[aeiou])j(?=[eo][vw]a?$)/g, to: 'y', language: 'German', example: 'Tschatajew → Tschatayew' },
  { from: /sy(?=[aiou])/g, to: 'sh', language: 'Indonesian', example: 'Rosyid → Roshid, Syaifudin → Shaifudin (Syed stays)' },
  { from: /tj(?=[aeiou])/g, to: 'ch', language: 'Indonesian (old spelling)', example: 'Tjik → Chik' },
  { from: /dj/g, to: 'j', language: 'French, Indonesian (old spelling)', example: 'Djamel → Jamel' },
  { from: /c(?=[eiy])/g, to: 's', language: 'French, Spanish', example: 'Lounici → Lounisi' },
  // French ou before a vowel is the consonant w (و); only at the start of a word or after a fused Abd-el, where it cannot be the vowel u (Louay stays).
  { from: /(?<=^(?:abd[eu]?l)?)ou(?=[aei])/g, to: 'w', language: 'French', example: 'Abdelouadoud → Abdelwadoud, Ouali → Wali, Abdelouahab → Abdelwahab' },
];

/** Rewrites the spellings of other orthographies into the English one (see RENDERINGS). */
export function render(token: string): string {
  let out = token;
  for (const r of RENDERINGS) out = out.replace(r.from, r.to);
  return out;
}

export interface VariantClass {
  /** The symbol a skeleton carries for the whole class. */
  symbol: string;
  /** Skeleton symbols (see normalize.ts: C ch, S sh, X kh, G gh, T th, J zh). */
  members: string[];
  letters: string;
  example: string;
}

export const CLASSES: readonly VariantClass[] = [
  { symbol: 'K', members: ['k', 'q', 'g', 'G', 'X'], letters: 'ق ك گ غ خ', example: 'Qadhafi / Gaddafi / Ghadaffi / Kaddafi; Qannadi / Ghannadi; Khaled / Kaled' },
  { symbol: 'D', members: ['d', 'z', 'T'], letters: 'ذ ض ظ د ز', example: 'Qadhafi / Gaddafi / Ghathafi / Qazafi; Ridho / Rida; Fazl / Fadl' },
  { symbol: 'S', members: ['s', 'S', 'C'], letters: 'س ش ص چ (French ch = sh)', example: 'Charekh / Sharikh; Sanhaji / Shanhaji' },
  { symbol: 'J', members: ['j', 'J'], letters: 'ج ژ', example: 'Djamel / Jamel / Zhamel' },
  // And an initial h may be left out (silentInitialH): ح ه, Hamada / Amada, Habib / Abib.
];

const CLASS_OF: Readonly<Record<string, string>> = Object.fromEntries(CLASSES.flatMap((c) => c.members.map((m) => [m, c.symbol])));
/**
 * An initial h (ح, ه) that French and other renderings leave out: Hamada / Amada, Habib / Abib,
 * Hassan / Assan. In the class skeleton it reads as the initial vowel it precedes.
 */
export const silentInitialH = (skeleton: string): string => (skeleton.length >= 3 && skeleton[0] === 'h' ? `A${skeleton.slice(skeleton[1] === 'V' ? 2 : 1)}` : skeleton);

/** A skeleton with each consonant replaced by its class symbol; the vowel marks (A, V) are kept. */
export function classSkeleton(skeleton: string): string {
  let out = '';
  for (const ch of silentInitialH(skeleton)) {
    const c = CLASS_OF[ch] ?? ch;
    if (!out.endsWith(c) || c === 'V') out += c;
  }
  return out;
}

/** The folded spelling with the class letters made one (q, g, gh, kh → k; dh, th, z → d …), vowels kept, for Jaro-Winkler. */
export function classSpelling(folded: string): string {
  return folded.replace(/zh/g, 'j').replace(/gh|kh|[qg]/g, 'k').replace(/th|z/g, 'd').replace(/sh|ch/g, 's').replace(/(.)\1+/g, '$1');
}
