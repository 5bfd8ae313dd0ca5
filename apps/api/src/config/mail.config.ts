import { registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config';

/** Outgoing mail (verification, password reset). Without SMTP_URL, outside production, mails go to the log. */
export class MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  smtpUrl?: string;

  @IsString()
  mailFrom: string = 'MegicAI <no-reply@megicai.local>';
}

export const mailConfig = registerAs('mail', () => {
  // Production without a mail server would silently lose every reset link: refuse to start instead.
  if (process.env.NODE_ENV === 'production' && !process.env.SMTP_URL) {
    throw new Error('SMTP_URL must be set when NODE_ENV=production (verification and password-reset mails).');
  }
  return validateConfig('mail', MailConfig, {
    smtpUrl: process.env.SMTP_URL,
    mailFrom: process.env.MAIL_FROM,
  });
});
