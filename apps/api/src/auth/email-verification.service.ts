import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { verificationMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { ReferralBonusService } from '../referrals/referral-bonus.service';
import { UsersService } from '../users/users.service';
import { AccountsException } from './accounts.exception';
import { AccountTokensService } from './account-tokens.service';

const LINK_HOURS = 24;
/** A resend within this many seconds of the last link is refused (429): mailboxes are not a free megaphone. */
export const RESEND_INTERVAL_SECONDS = 60;

/** Proves that an account's owner reads its address: a mailed single-use link, 24 hours. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: AccountTokensService,
    private readonly mail: MailService,
    private readonly referralBonus: ReferralBonusService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Issues a link and mails it in the background (registration must not wait for the mail server). */
  async start(user: { id: string; email: string; displayName: string }): Promise<void> {
    const token = await this.tokens.issue(user.id, 'verify_email', LINK_HOURS * 3600);
    const link = this.mail.link('/verify-email', { token });
    this.mail.sendLater(verificationMail(user.email, user.displayName, link, LINK_HOURS));
  }

  /** Another link for the caller; nothing to do when the address is already verified. */
  async resend(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.emailVerified || user.deletedAt) return;
    const age = await this.tokens.secondsSinceLast(userId, 'verify_email');
    if (age !== null && age < RESEND_INTERVAL_SECONDS) {
      throw AccountsException.tooSoon(Math.ceil(RESEND_INTERVAL_SECONDS - age));
    }
    await this.start(user);
  }

  /** Spends the link, marks the address verified and pays a referral bonus that only waited for this. */
  async verify(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const userId = await this.tokens.consume(token, 'verify_email', m);
      if (!userId) throw AccountsException.invalidToken();
      await this.users.markEmailVerified(m, userId);
      await this.referralBonus.payIfDue(m, userId);
    });
  }
}
