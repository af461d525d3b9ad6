/** The ids of a field's hint and error message, and the aria-describedby its control carries. */
export function fieldIds(name: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}
