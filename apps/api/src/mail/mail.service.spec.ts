import { Logger } from '@nestjs/common';
import { mailConfig } from '../config/mail.config';
import { passwordResetMail } from './mail-templates';
import { MailService } from './mail.service';

describe('MailService without SMTP_URL', () => {
  const app = { publicUrl: 'https://megicai.example' } as never;

  it('builds links on PUBLIC_URL to SPA routes', () => {
    const mail = new MailService({ mailFrom: 'x <x@y.z>' }, app);
    expect(mail.link('/reset-password', { token: 'a b' })).toBe('https://megicai.example/reset-password?token=a+b');
  });

  it('writes the mail to the log as one structured line with its links, instead of sending it', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const mail = new MailService({ mailFrom: 'x <x@y.z>' }, app);
    const link = mail.link('/reset-password', { token: 'T0KEN' });
    await mail.send(passwordResetMail('ada@example.com', 'Ada <3', link, 60));
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ to: 'ada@example.com', subject: 'Reset your password', links: [link] }),
    );
    log.mockRestore();
  });

  it('escapes names in the HTML part and keeps the plain-text part readable', () => {
    const m = passwordResetMail('ada@example.com', 'Ada <script>', 'https://x/reset-password?token=t', 60);
    expect(m.html).toContain('Ada &lt;script&gt;');
    expect(m.text).toContain('Hello Ada <script>,');
    expect(m.text).toContain('https://x/reset-password?token=t');
  });
});

describe('mail config', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses to start in production without SMTP_URL', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.SMTP_URL;
    expect(() => mailConfig()).toThrow(/SMTP_URL must be set/);
  });

  it('accepts smtp:// and smtps:// URLs only', () => {
    process.env.SMTP_URL = 'http://mail.example';
    expect(() => mailConfig()).toThrow(/SMTP_URL/);
    process.env.SMTP_URL = 'smtps://user:pass@mail.example:465';
    expect(mailConfig().smtpUrl).toBe('smtps://user:pass@mail.example:465');
  });
});
