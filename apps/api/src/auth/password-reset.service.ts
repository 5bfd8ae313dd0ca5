import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { passwordChangedMail, passwordResetMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { UsersService } from '../users/users.service';
import { AccountsException } from './accounts.exception';
import { AccountTokensService } from './account-tokens.service';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';

const LINK_MINUTES = 60;

/** "Forgot password?": a mailed single-use link valid one hour; a reset ends every session of the account. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly users: UsersService,
    private readonly tokens: AccountTokensService,
    private readonly sessions: TokensService,
    private readonly passwords: PasswordService,
    private readonly mail: MailService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Answers at once and does the work in the background, so that neither the answer nor its timing tells whether
   * the address has an account (the lookup, the token and the mail all happen after the response).
   */
  request(email: string): void {
    this.issue(email).catch((error: unknown) =>
      this.logger.warn(`Password reset not issued: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async reset(token: string, password: string): Promise<void> {
    // Hash first: argon2 takes tens of milliseconds and must not hold the transaction open.
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.dataSource.transaction(async (m) => {
      const owner = await this.tokens.consume(token, 'reset_password', m);
      if (!owner) throw AccountsException.invalidToken();
      await this.users.setPassword(m, owner, passwordHash);
      // Other reset links still lying in the mailbox die with this one, and so does every session.
      await this.tokens.revokeAll(owner, 'reset_password', m);
      await this.sessions.revokeAllForUser(owner, { manager: m });
      return owner;
    });
    const user = await this.users.findById(userId);
    if (user) this.mail.sendLater(passwordChangedMail(user.email, user.displayName));
  }

  private async issue(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.deletedAt) return;
    const token = await this.tokens.issue(user.id, 'reset_password', LINK_MINUTES * 60);
    const link = this.mail.link('/reset-password', { token });
    await this.mail.send(passwordResetMail(user.email, user.displayName, link, LINK_MINUTES));
  }
}
