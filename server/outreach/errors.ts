/**
 * A refusal from an outreach domain function: Vietnamese messages, each tied to a form field or to none,
 * and the HTTP status a route should answer with. Nothing has been written when one is thrown.
 */
export interface FieldError {
  field: string | null;
  message: string;
}

export type RefusalStatus = 400 | 403 | 404 | 409 | 422;

export class OutreachRefusal extends Error {
  override name = 'OutreachRefusal';
  readonly errors: FieldError[];
  readonly status: RefusalStatus;

  constructor(status: RefusalStatus, errors: FieldError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.status = status;
    this.errors = errors;
  }
}

export const refuse = (status: RefusalStatus, field: string | null, message: string) => new OutreachRefusal(status, [{ field, message }]);
