// Validates a case given as plain data (from JSON, an API body or a test) rather than YAML text.
import { CaseFile } from './schema.js';
import { CaseInvalidError, formatPath } from './errors.js';
import { checkReferences } from './references.js';
import { liftExtensions, restoreExtensions, unshare } from './extensions.js';

export function caseFromData(data: unknown, file = '(data)'): CaseFile {
  const copy = unshare(data);
  const extensions = liftExtensions(copy);
  const result = CaseFile.safeParse(copy, { reportInput: true });
  const at = (path: PropertyKey[], message: string) => ({ file, line: 1, column: 1, path: formatPath(path), message });
  if (!result.success) throw new CaseInvalidError(result.error.issues.map((i) => at(i.path, i.message)));
  const problems = checkReferences(result.data).map((p) => at(p.path, p.message));
  if (problems.length > 0) throw new CaseInvalidError(problems);
  restoreExtensions(result.data, extensions);
  return result.data;
}
