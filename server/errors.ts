import { ERROR_CODES, type ErrorCode } from '../shared/protocol';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  nothing_to_vote: 409,
  too_large: 413,
  too_many: 429,
  join_closed: 403,
  outdated: 426,
  internal: 500,
  storage_full: 507,
};

/** An error meant for the person on the other end: a code, a readable message, and its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}

export const notFound = (what: string) => new AppError(ERROR_CODES.notFound, `${what} not found`);
export const forbidden = (why: string) => new AppError(ERROR_CODES.forbidden, why);
