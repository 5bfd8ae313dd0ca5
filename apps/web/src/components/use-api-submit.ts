import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { applyApiErrors } from './api-form-errors';

/**
 * A form's submit handler around an API call: field errors land under their inputs and the rest is returned as
 * `formError` for a <FormError> above the form. `action` may handle some problems itself (by `code`) and rethrow
 * the others.
 */
export function useApiSubmit<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  action: (values: V) => Promise<void>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });
  return { submit, formError };
}
