// Every error deeds reports on purpose, in one table: its code, its message (or how the message
// is built), the command line's exit code and the API's HTTP status. Error classes carry a code
// from here; the CLI (src/cli/main.ts) and the server's error handler (src/server/problems.ts)
// translate from the code, each in one place. Anything without a code is a bug: exit 3, HTTP 500.
//
// This module imports nothing, so every layer may use it and the CLI can read it without loading
// the modules whose errors it names.

/** Exit codes of the command line; outside tools rely on these values. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface ErrorEntry {
  /** The message, or what builds it from the error's details; thrown messages keep this wording. */
  message: string | ((...args: never[]) => string);
  exit: ExitCode;
  status: number;
  /** What the API says instead of the message, when the message is about the server itself. */
  detail?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const ERRORS = {
  // The command line: what the user typed or gave.
  usage: { message: 'the command line is not valid', exit: EXIT.usage, status: 400 },
  input: { message: 'the input is not valid', exit: EXIT.input, status: 400 },

  // Case files.
  case_invalid: {
    message: (problems: readonly string[]) => `the case has ${plural(problems.length, 'problem')}:\n${problems.join('\n')}`,
    exit: EXIT.input, status: 400,
  },

  // The store.
  store_open_failed: { message: 'cannot prepare the database', exit: EXIT.input, status: 500 },
  store_busy: { message: 'the database is busy, try again', exit: EXIT.input, status: 503 },
  store_conflict: { message: 'a concurrent write stored the same id first; read it again and retry if still needed', exit: EXIT.input, status: 409 },
  account_invalid: { message: 'the account request is not valid', exit: EXIT.input, status: 400 },
  object_invalid: { message: 'the object is not valid', exit: EXIT.input, status: 400 },
  object_not_found: { message: 'no such object', exit: EXIT.input, status: 404 },
  object_exists: { message: 'the object already exists', exit: EXIT.input, status: 409 },
  object_changed: { message: 'the object changed since you read it (If-Match does not match its ETag)', exit: EXIT.input, status: 412 },
  evidence_invalid: {
    message: (message: string, problems: readonly string[]) => (problems.length ? `${message}:\n${problems.join('\n')}` : message),
    exit: EXIT.input, status: 400,
  },
  evidence_not_found: { message: 'no such evidence', exit: EXIT.input, status: 404 },
  evidence_conflict: { message: 'the evidence item already exists or was retracted', exit: EXIT.input, status: 409 },
  evidence_changed: { message: 'the evidence item changed since you read it (If-Match does not match its ETag)', exit: EXIT.input, status: 412 },

  // The engine (AssessError's codes).
  unknown_object: { message: 'no commitment, condition, leverage or claim with this id', exit: EXIT.input, status: 404 },
  unknown_hypothesis_set: {
    message: (setId: string, caseId: string, known: readonly string[]) =>
      `case "${caseId}" has no hypothesis set "${setId}"` + (known.length > 0 ? ` (sets: ${known.join(', ')})` : ' (it has no hypothesis sets)'),
    exit: EXIT.input, status: 404,
  },
  invalid_date: {
    message: (value: string, what: string) => `${what} "${value}" is not a date: use ISO 8601, e.g. 2021-09-01, 2021-09 or 2021`,
    exit: EXIT.input, status: 400,
  },
  invalid_range: { message: 'the range is not valid', exit: EXIT.input, status: 400 },

  // Events and their downloads.
  event_file_invalid: { message: 'the file cannot be read as this dataset', exit: EXIT.input, status: 400 },
  actor_mapping_invalid: { message: 'the case\'s actor mapping cannot be used as written', exit: EXIT.input, status: 400 },
  fetch_failed: { message: 'the download failed', exit: EXIT.input, status: 502 },
  zip_invalid: { message: 'the archive cannot be read', exit: EXIT.input, status: 400 },

  // Sanctions lists and screening.
  sanctions_input_invalid: {
    message: (message: string, file?: string, line?: number) => (file ? `${file}${line ? `:${line}` : ''}: ${message}` : message),
    exit: EXIT.input, status: 400,
  },
  no_lists: { message: 'no sanctions list has been imported: run `deeds import un-sanctions FILE` (or ofac-sdn, ftm) first', exit: EXIT.input, status: 409 },
  unknown_case: { message: 'no such case', exit: EXIT.input, status: 404 },

  // Reports.
  report_input_invalid: { message: 'the report request is not valid', exit: EXIT.input, status: 400 },
  chromium_missing: {
    message: 'PDF output needs Chromium', exit: EXIT.input, status: 503,
    detail: 'PDF output needs Chromium on the server; the other formats work without it',
  },
  pdf_render_failed: { message: 'the PDF could not be rendered', exit: EXIT.input, status: 500, detail: 'the PDF could not be rendered; the error was logged' },

  // Anything else: a bug.
  internal: { message: 'internal error', exit: EXIT.internal, status: 500, detail: 'something went wrong on the server; the error was logged' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** The table's code an error carries, if any (AssessError, UserError and the store's errors all do). */
export function errorCodeOf(err: unknown): ErrorCode | undefined {
  if (!(err instanceof Error)) return undefined;
  const code: unknown = (err as { code?: unknown }).code;
  return typeof code === 'string' && Object.hasOwn(ERRORS, code) ? (code as ErrorCode) : undefined;
}

/** The table's entry for an error, or the entry for a bug. */
export function errorEntryOf(err: unknown): { code: ErrorCode; exit: ExitCode; status: number; detail?: string } {
  const code = errorCodeOf(err) ?? 'internal';
  const entry: ErrorEntry = ERRORS[code];
  return { code, exit: entry.exit, status: entry.status, ...(entry.detail !== undefined ? { detail: entry.detail } : {}) };
}
