// The limits a case keeps wherever it comes from: a case file, an API body or a CLI item file.
// Nesting is limited like the YAML reader limits it (src/case/yaml.ts), so that every case that
// is stored can be exported and read back, and no recursive walker meets a tree it cannot walk.
import { MAX_DEPTH } from '../case/yaml.js';

export { MAX_DEPTH };

/** True when `value` nests deeper than `limit` levels; iterative, so any depth is safe to ask about. */
export function nestingExceeds(value: unknown, limit: number = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export const nestingMessage = `nesting is too deep; a case never needs more than ${MAX_DEPTH} levels`;
