import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Where scripts/start-platform.mjs writes the mails its SMTP server receives (one JSON line each). */
const MAILBOX = resolve(__dirname, `../../.artifacts/mailbox-${process.env.E2E_PORT ?? '3210'}.jsonl`);

function read(): ReceivedMail[] {
  try {
    return readFileSync(MAILBOX, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReceivedMail);
  } catch {
    return [];
  }
}

/** Waits for a mail to `to` whose subject matches (the API sends mail in the background) and returns it. */
export async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = read().find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
        return found !== undefined;
      },
      { message: `a mail to ${to} matching ${subject} in ${MAILBOX}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link in the mail's text to an SPA route, as a path the page can open (`/reset-password?token=…`). */
export function linkIn(mail: ReceivedMail, route: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${route}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${route} link in: ${mail.text}`);
  return match[1];
}
