// A list file that cannot be trusted as a whole (hostile XML, broken CSV quoting, wrong format):
// refused with where and why, and nothing of it is stored. The command line prints the message
// without a stack trace and exits 1 (bad input); the server shows it to the uploader.
import { ERRORS, type ErrorCode } from '../errors/index.js';

export class SanctionsInputError extends Error {
  override name = 'SanctionsInputError';
  readonly code = 'sanctions_input_invalid' satisfies ErrorCode;
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(ERRORS.sanctions_input_invalid.message(message, file, line));
  }
}
