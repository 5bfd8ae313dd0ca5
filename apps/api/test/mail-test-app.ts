import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from './test-app';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox';

/** The app wired to a real local SMTP server, with the helpers the account specs share. */
export interface MailTestApp extends TestApp {
  inbox: SmtpInbox;
  db: DataSource;
  /** POST from a fresh client address each time: limits are per address, and some checks compare first requests. */
  post: (path: string, body: object, token?: string) => ReturnType<ReturnType<TestApp['http']>['post']>;
}

const randomAddress = () => `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;

/**
 * Starts an SMTP server on `portBase` + the jest worker id (each spec file its own base in 7350–7399, so parallel
 * workers never collide), then the app sending its mail there, with links to http://megicai.test.
 */
export async function createMailTestApp(portBase: number, env: Record<string, string> = {}): Promise<MailTestApp> {
  const inbox = await startSmtpInbox(portBase + Number(process.env.JEST_WORKER_ID ?? 1));
  const t = await createTestApp({
    SMTP_URL: inbox.url,
    PUBLIC_URL: 'http://megicai.test',
    TRUST_PROXY: 'true',
    ...env,
  });
  return {
    ...t,
    inbox,
    db: t.app.get(DataSource),
    post: (path, body, token) => {
      const req = t.http().post(`/api/v1${path}`).set('X-Forwarded-For', randomAddress());
      return (token ? req.set(bearer(token)) : req).send(body);
    },
    close: async () => {
      await t.close();
      await inbox.close();
    },
  };
}
