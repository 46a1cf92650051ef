import { ERRORS, type ErrorCode } from '../errors/index.js';

/** One problem in a case file, located so that an analyst can go straight to it. */
export interface CaseProblem {
  file: string;
  line: number;
  column: number;
  /** Key path in the merged case, e.g. `evidence[12].bears_on[0].target`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatProblem(p: CaseProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when a case cannot be loaded; carries every problem found, not just the first. */
export class CaseInvalidError extends Error {
  readonly code = 'case_invalid' satisfies ErrorCode;
  constructor(readonly problems: CaseProblem[]) {
    super(ERRORS.case_invalid.message(problems.map(formatProblem)));
    this.name = 'CaseInvalidError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}
