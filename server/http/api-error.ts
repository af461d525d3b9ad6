/** The one error shape of the API: a list of Vietnamese messages, each tied to a form field or to none. */
export interface ApiError {
  errors: { field: string | null; message: string }[];
}

export function apiError(field: string | null, message: string): ApiError {
  return { errors: [{ field, message }] };
}
