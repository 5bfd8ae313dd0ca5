import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { passwordChangedMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { StorageService } from '../storage/storage.service';
import { UserDto } from '../users/dto/user.dto';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { AccountsException } from './accounts.exception';
import { ERASE_STATEMENTS, EXPORT_QUERIES } from './account-data.sql';
import { AccessStatusService } from './access-status.service';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';

export interface AccountExport {
  exportedAt: string;
  profile: UserDto & { referredById: string | null; updatedAt: string };
  [section: string]: unknown;
}

/** The signed-in person's own account: password, sessions, export and erasure. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: TokensService,
    private readonly credits: CreditsService,
    private readonly access: AccessStatusService,
    private readonly mail: MailService,
    private readonly storage: StorageService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Changes the password and ends every other session; the caller's own session (when known) stays. */
  async changePassword(userId: string, sessionId: string | undefined, current: string, next: string): Promise<void> {
    const user = await this.checkedUser(userId, current);
    const passwordHash = await this.passwords.hash(next);
    await this.dataSource.transaction(async (m) => {
      await this.users.setPassword(m, userId, passwordHash);
      await this.sessions.revokeAllForUser(userId, { except: sessionId, manager: m });
    });
    this.mail.sendLater(passwordChangedMail(user.email, user.displayName));
  }

  signOutOthers(userId: string, sessionId: string | undefined): Promise<void> {
    return this.sessions.revokeAllForUser(userId, { except: sessionId });
  }

  async exportData(userId: string): Promise<AccountExport> {
    const user = await this.users.findById(userId);
    if (!user || user.deletedAt) throw AccountsException.gone();
    const sections = await Promise.all(
      Object.entries(EXPORT_QUERIES).map(async ([key, sql]) => [key, await this.dataSource.query(sql, [userId])]),
    );
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        ...UserDto.from(user, await this.credits.balanceOf(userId)),
        referredById: user.referredById,
        updatedAt: user.updatedAt.toISOString(),
      },
      ...Object.fromEntries(sections),
    };
  }

  /** Erases personal data in one transaction; the account row and its ledger stay, anonymised. */
  async erase(userId: string, password: string): Promise<void> {
    await this.checkedUser(userId, password);
    const assets: { id: string; output: { assets?: { mimeType?: string }[] } | null }[] = await this.dataSource.query(
      `SELECT id, output FROM jobs WHERE user_id = $1 AND output ? 'assets'`,
      [userId],
    );
    await this.dataSource.transaction(async (m) => {
      for (const sql of ERASE_STATEMENTS) await m.query(sql, [userId]);
    });
    await this.access.changed(userId);
    // Bytes last: the rows no longer point at them, and a failure here leaves unreachable files, never exposed ones.
    for (const job of assets) {
      for (const [index, asset] of (job.output?.assets ?? []).entries()) {
        const key = StorageService.keyFor(job.id, index, asset.mimeType ?? '');
        await this.storage
          .remove(key)
          .catch((error: unknown) => this.logger.warn(`Asset ${key} not removed: ${String(error)}`));
      }
    }
  }

  private async checkedUser(userId: string, password: string): Promise<User> {
    const user = await this.users.findById(userId);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || user.deletedAt) throw AccountsException.gone();
    if (!ok) throw AccountsException.wrongPassword();
    return user;
  }
}
