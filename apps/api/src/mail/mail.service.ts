import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import { appConfig } from '../config/app.config';
import { mailConfig } from '../config/mail.config';
import type { OutgoingMail } from './mail-templates';

/**
 * Sends mail over SMTP (nodemailer) when SMTP_URL is set; otherwise (development, tests without a mail server)
 * writes each mail with its links to the log as one JSON line, so the links can still be followed.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;

  constructor(
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  /** An absolute link to an SPA route, e.g. `link('/reset-password', {token})`. */
  link(route: string, query: Record<string, string>): string {
    const url = new URL(route, this.app.publicUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      this.logger.log({
        msg: 'mail not sent (no SMTP_URL): logged instead',
        to: mail.to,
        subject: mail.subject,
        links: mail.links,
      });
      return;
    }
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  }

  /**
   * Sends without making the caller wait: a request's answer (and its timing) must not depend on the mail server.
   * A failure is logged, never thrown: the user can ask again.
   */
  sendLater(mail: OutgoingMail): void {
    this.send(mail).catch((error: unknown) =>
      this.logger.warn(`Mail "${mail.subject}" not sent: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
