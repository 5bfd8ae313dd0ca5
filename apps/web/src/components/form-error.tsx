import { Alert } from '@mantine/core';

/** The form-level error above a form; `role="alert"` so that a screen reader hears it when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="Please check the form">
      {message}
    </Alert>
  );
}
