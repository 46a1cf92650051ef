// A fast way to read a large case file. The `yaml` reader (yaml.ts) keeps a syntax tree with
// every position, which a located problem needs but which costs several seconds and hundreds of
// megabytes on a file of tens of thousands of items. js-yaml reads about eight times faster and
// builds only the data. It is used here only where it gives the same data as the `yaml` reader:
// the YAML 1.2 core schema with the same rules for plain scalars, and no anchors, aliases, tags,
// directives, complex keys or `__proto__` keys (a file with any of these goes to the `yaml` reader),
// and no key that the two readers name differently (a null key is "" in one, "null" in the
// other; a flow collection as a key). Anything
// js-yaml refuses (syntax, duplicate keys, several documents) also goes to the `yaml` reader,
// which says what and where; so does data nested deeper than MAX_DEPTH.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { MAX_DEPTH } from './yaml.js';

/**
 * Smaller files are read by the `yaml` reader only: they are quick to read either way. Measured
 * on a generated case, the `yaml` reader takes 4–10 times as long from about 90 KB up (a 317 KB
 * file: 341 ms against 44 ms), so the fast reader starts at 64 KiB.
 */
export const FAST_PATH_MIN_CHARS = 64 * 1024;

// The plain scalars of the `yaml` package's core schema, tried in its order and resolved as it
// resolves them. js-yaml keeps one type per tag, so each tag gets one type that tries its forms.
// `starts` holds the first characters a form can begin with: most scalars in a case are words
// and dates, and the check spares them every pattern (a fifth of a large file's reading time).
type Form = [pattern: RegExp, construct: (text: string) => unknown];
const scalar = (tag: string, starts: string, forms: Form[]) => {
  const formOf = (text: string | null) => {
    const t = text ?? '';
    if (t !== '' && !starts.includes(t.charAt(0))) return undefined;
    return forms.find(([pattern]) => pattern.test(t));
  };
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => formOf(text) !== undefined,
    construct: (text: string | null) => (formOf(text) as Form)[1](text ?? ''),
  });
};
const core = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalar('int', '+-0123456789', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalar('float', '+-.0123456789', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
    ]),
  ],
});

/**
 * An anchor (&a), alias (*a) or tag (!t, !) where a node may start, a directive (%YAML), a
 * complex key (? …), a flow collection used as a key, any flow mapping but `{}` (in one, a
 * collection can be a key without a colon), or `__proto__`. Text such as "R&D" or
 * "a * b" does not match; "*bold*" after a space does, and merely takes the `yaml` reader.
 */
const unsupported = /(?:^|[\s[\]{},])(?:[&*][^\s]|!|\?(?:\s|$))|^%|[\]}]\s*:|\{(?!\s*\})|__proto__/m;

/** The file's data, or undefined when the `yaml` reader must read it (see above). */
export function readYamlFast(text: string, minChars = FAST_PATH_MIN_CHARS): { data: unknown } | undefined {
  if (text.length < minChars || unsupported.test(text)) return undefined;
  let data: unknown;
  try {
    data = load(text.replace(/^\uFEFF/, ''), { schema: core });
  } catch {
    return undefined;
  }
  return nameOrDepthDiffers(data) ? undefined : { data };
}

/** A key "null" (a null key to js-yaml, "" to yaml; or really "null", which costs only time) or nesting beyond MAX_DEPTH. */
function nameOrDepthDiffers(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_DEPTH) return true;
    if (Array.isArray(v)) for (const child of v) stack.push([child, depth + 1]);
    else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key === 'null') return true;
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}
