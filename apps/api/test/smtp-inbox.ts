import { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  mails: ParsedMail[];
  /** The nth (1-based) mail to `to` whose subject matches, waiting for it (mail is sent in the background). */
  waitFor: (to: string, subject: RegExp, timeoutMs?: number, nth?: number) => Promise<ParsedMail>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every mail it receives, parsed with
 * `mailparser`. Plain SMTP without STARTTLS or AUTH, as a local relay would speak it.
 */
export async function startSmtpInbox(port: number): Promise<SmtpInbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  const addressedTo = (mail: ParsedMail, to: string) => {
    const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    return list.some((a) => a.value.some((v) => v.address?.toLowerCase() === to.toLowerCase()));
  };
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    async waitFor(to, subject, timeoutMs = 10_000, nth = 1) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.filter((m) => addressedTo(m, to) && subject.test(m.subject ?? ''))[nth - 1];
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `route` in the mail's plain text. */
export function tokenFrom(mail: ParsedMail, route: string): string {
  const match = new RegExp(`https?://[^\\s]+${route}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`No ${route} link in: ${mail.text}`);
  return match[1];
}
