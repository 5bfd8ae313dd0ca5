import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { creditsConfig } from '../config/credits.config';
import { ProblemCode } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import { CreditsService } from '../credits/credits.service';
import { UserDto } from '../users/dto/user.dto';
import { EmailTakenError, UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly credits: CreditsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(creditsConfig.KEY) private readonly creditsCfg: ConfigType<typeof creditsConfig>,
  ) {}

  async register(dto: RegisterDto) {
    const referrer = dto.referralCode ? await this.users.findByReferralCode(dto.referralCode) : null;
    if (dto.referralCode && !referrer) {
      throw new AuthException(ProblemCode.ValidationFailed, 'The referral code is not known.', {
        errors: [{ field: 'referralCode', message: 'unknown referral code' }],
      });
    }
    const passwordHash = await this.passwords.hash(dto.password);
    const signupBonus = this.creditsCfg.signupBonusCredits * MILLI_PER_CREDIT;
    try {
      return await this.dataSource.transaction(async (m) => {
        const user = await this.users.create(m, {
          email: dto.email,
          passwordHash,
          displayName: dto.displayName ?? dto.email.split('@')[0].slice(0, 80),
          referredById: referrer?.id ?? null,
        });
        await this.credits.openAccount(user.id, m);
        const balance =
          signupBonus > 0
            ? (
                await this.credits.grant(
                  {
                    userId: user.id,
                    amount: signupBonus,
                    kind: 'signup_bonus',
                    reference: { type: 'user', id: user.id },
                  },
                  m,
                )
              ).balance
            : 0;
        const pair = await this.tokens.issue(user, m);
        return { user: UserDto.from(user, balance), ...pair };
      });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new AuthException(ProblemCode.EmailTaken, 'An account with this email already exists.');
      }
      throw error;
    }
  }

  async login(dto: LoginDto) {
    const user = await this.users.findByEmail(dto.email);
    const ok = await this.passwords.verify(user?.passwordHash, dto.password);
    // One answer for an unknown email and a wrong password, after the same amount of hashing work.
    if (!user || !ok) throw new AuthException(ProblemCode.InvalidCredentials, 'The email or password is wrong.');
    if (user.banned) throw new AuthException(ProblemCode.AccountBanned, 'This account is suspended.');
    const pair = await this.tokens.issue(user);
    return { user: UserDto.from(user, await this.credits.balanceOf(user.id)), ...pair };
  }

  async refresh(refreshToken: string) {
    const result = await this.tokens.rotate(refreshToken, (id, m) => this.users.findById(id, m));
    if (result.reuse) {
      throw new AuthException(
        ProblemCode.TokenReused,
        'This refresh token was already used; every session of this login is revoked.',
      );
    }
    return result.pair;
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revokeByToken(refreshToken);
  }
}
