/** An error as the API returns it: tied to a form field, or to the form as a whole (field null). */
export interface FormError {
  field: string | null;
  message: string;
}

/** The id of a field's input, which the error summary links to. */
export const fieldId = (form: string, field: string) => `${form}-${field}`;

export const errorFor = (errors: readonly FormError[], field: string) => errors.find((error) => error.field === field)?.message;
