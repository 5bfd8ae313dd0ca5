import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { authConfig } from '../config/auth.config';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { PasswordService } from './password.service';

/** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD: created, or promoted if the account exists. */
@Injectable()
export class AdminSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSeedService.name);

  constructor(
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly credits: CreditsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const existing = await this.users.findByEmail(adminEmail);
    if (existing) {
      if (existing.role !== 'admin') {
        await this.users.update(existing.id, { role: 'admin' });
        this.logger.log(`Promoted ${adminEmail} to admin`);
      }
      return;
    }
    const passwordHash = await this.passwords.hash(adminPassword);
    await this.dataSource
      .transaction(async (m) => {
        const user = await this.users.create(m, {
          email: adminEmail,
          passwordHash,
          displayName: 'Admin',
          role: 'admin',
        });
        await this.credits.openAccount(user.id, m);
        // The operator chose this address in the environment: there is no link to mail to themselves.
        await this.users.markEmailVerified(m, user.id);
      })
      .catch((error: unknown) => {
        // Two processes starting at once: the other one created it.
        this.logger.warn(`Admin seed skipped: ${(error as Error).message}`);
      });
    this.logger.log(`Created admin ${adminEmail}`);
  }
}
