import { isApiError } from '../api/api-error';
import { problemMessage } from '../api/problem-message';

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
  getValues(): object;
}

/**
 * Puts the API's field `errors` under the matching inputs of a @mantine/form form and returns the message that
 * belongs to no input (to show above the form), or null when every error found its field.
 */
export function applyApiErrors(form: FormWithErrors, error: unknown): string | null {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  const fields = Object.keys(form.getValues());
  const byField = error.fieldErrors();
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const [field, message] of Object.entries(byField)) {
    // The API may name a field by its path (`body.email`); the form knows it by its last segment.
    const key = fields.includes(field) ? field : field.split('.').pop();
    if (key && fields.includes(key)) matched[key] = message;
    else unmatched.push(`${field}: ${message}`);
  }
  form.setErrors(matched);
  if (Object.keys(matched).length > 0 && unmatched.length === 0) return null;
  return [problemMessage(error), ...unmatched].filter(Boolean).join(' ');
}
