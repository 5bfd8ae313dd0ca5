import { Alert } from '@mantine/core';

export interface FormMessageValue {
  ok: boolean;
  text: string;
}

/** The outcome of a small form: green and polite when it worked, red and announced at once when it did not. */
export function FormMessage({ message }: { message: FormMessageValue | null }) {
  if (!message) return null;
  return (
    <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </Alert>
  );
}
