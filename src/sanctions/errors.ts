// A list file that cannot be trusted as a whole (hostile XML, broken CSV quoting, wrong format):
// refused with where and why, and nothing of it is stored. The command line prints the message
// without a stack trace and exits 1 (bad input); the server shows it to the uploader.
export class SanctionsInputError extends Error {
  override name = 'SanctionsInputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
  }
}
