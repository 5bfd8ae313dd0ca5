import { PASSWORD_MAX, PASSWORD_MIN } from '@megicai/contracts';

// The same rules as the API, checked here first so that people learn of a typo before a round trip.
export function validateEmail(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'Enter a valid email address';
}

export function validateNewPassword(value: string): string | null {
  if (value.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (value.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  return null;
}

export function validatePresent(label: string) {
  return (value: string): string | null => (value ? null : `Enter your ${label}`);
}
