// Typed errors for requests the engine cannot answer. They are user errors (a wrong id, a bad
// date), so the CLI can print the message and exit 1 without a stack trace.

import { ERRORS, type ErrorCode } from '../errors/index.js';

/** The engine's codes in the error table (src/errors). */
export type AssessErrorCode = Extract<ErrorCode, 'unknown_object' | 'unknown_hypothesis_set' | 'invalid_date' | 'invalid_range'>;

export class AssessError extends Error {
  constructor(readonly code: AssessErrorCode, message: string) {
    super(message);
    this.name = 'AssessError';
  }
}

/** A timeline was asked for an id that is not a commitment, condition, leverage or claim. */
export class UnknownObjectError extends AssessError {
  constructor(readonly objectId: string, readonly caseId: string, foundKind?: string) {
    super('unknown_object', foundKind
      ? `"${objectId}" in case "${caseId}" is ${foundKind}; a timeline is for a commitment, condition, leverage or claim`
      : `case "${caseId}" has no commitment, condition, leverage or claim with id "${objectId}"`);
    this.name = 'UnknownObjectError';
  }
}

export class UnknownHypothesisSetError extends AssessError {
  constructor(readonly setId: string, readonly caseId: string, readonly known: readonly string[]) {
    super('unknown_hypothesis_set', ERRORS.unknown_hypothesis_set.message(setId, caseId, known));
    this.name = 'UnknownHypothesisSetError';
  }
}

export class InvalidDateError extends AssessError {
  constructor(readonly value: string, readonly what = 'date') {
    super('invalid_date', ERRORS.invalid_date.message(value, what));
    this.name = 'InvalidDateError';
  }
}

export class InvalidRangeError extends AssessError {
  constructor(message: string) {
    super('invalid_range', message);
    this.name = 'InvalidRangeError';
  }
}

export function isAssessError(error: unknown): error is AssessError {
  return error instanceof AssessError;
}
