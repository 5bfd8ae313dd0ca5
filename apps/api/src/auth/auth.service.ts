import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { AnalyticsEventsService } from '../analytics-events/analytics-events.service';
import { appConfig } from '../config/app.config';
import { authConfig } from '../config/auth.config';
import { creditsConfig } from '../config/credits.config';
import { ProblemCode } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import { CreditsService } from '../credits/credits.service';
import { ReferralBonusService } from '../referrals/referral-bonus.service';
import { UserDto } from '../users/dto/user.dto';
import { EmailTakenError, UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { deviceCookieHeader, deviceCookieUser } from './device-cookie';
import { LoginBackoffService } from './login-backoff.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordService } from './password.service';
import { sha256Hex } from './secret-hash';
import { TokensService } from './tokens.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly credits: CreditsService,
    private readonly referrals: ReferralBonusService,
    private readonly backoff: LoginBackoffService,
    private readonly verification: EmailVerificationService,
    private readonly events: AnalyticsEventsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(creditsConfig.KEY) private readonly creditsCfg: ConfigType<typeof creditsConfig>,
    @Inject(authConfig.KEY) private readonly authCfg: ConfigType<typeof authConfig>,
    @Inject(appConfig.KEY) private readonly appCfg: ConfigType<typeof appConfig>,
  ) {}

  /** `address`: the client's, kept with a referred sign-up (the referral caps count bonuses per address). */
  async register(dto: RegisterDto, address: string) {
    const referrer = dto.referralCode ? await this.users.findByReferralCode(dto.referralCode) : null;
    if (dto.referralCode && !referrer) {
      throw new AuthException(ProblemCode.ValidationFailed, 'The referral code is not known.', {
        errors: [{ field: 'referralCode', message: 'unknown referral code' }],
      });
    }
    const passwordHash = await this.passwords.hash(dto.password);
    const signupBonus = this.creditsCfg.signupBonusCredits * MILLI_PER_CREDIT;
    try {
      const registered = await this.dataSource.transaction(async (m) => {
        const user = await this.users.create(m, {
          email: dto.email,
          passwordHash,
          displayName: dto.displayName ?? dto.email.split('@')[0].slice(0, 80),
          referredById: referrer?.id ?? null,
        });
        await this.credits.openAccount(user.id, m);
        if (referrer) await this.referrals.recordSignup(m, user.id, referrer.id, address);
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
        await this.events.record([{ type: 'signup', userId: user.id }], m);
        return { user: UserDto.from(user, balance), ...pair };
      });
      // After the commit: the link must point at a user that exists; the mail itself goes in the background. A
      // failure here must not fail a registration that already happened: the banner offers "resend".
      await this.verification
        .start(registered.user)
        .catch((error: unknown) => this.logger.warn(`Verification link not issued: ${String(error)}`));
      return registered;
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new AuthException(ProblemCode.EmailTaken, 'An account with this email already exists.');
      }
      throw error;
    }
  }

  /**
   * `client`: where the attempt comes from, for the login backoff (address, and the device cookie header). Answers
   * the session and the device cookie to set (the device is known from now on).
   */
  async login(dto: LoginDto, client: { address: string; cookie?: string }) {
    const user = await this.users.findByEmail(dto.email);
    const attempt = {
      email: dto.email,
      address: client.address,
      userId: user?.id,
      passwordGeneration: user ? sha256Hex(user.passwordHash).slice(0, 12) : 'none',
      knownDevice: user !== null && deviceCookieUser(client.cookie, this.authCfg.jwtSecret) === user.id,
    };
    const counted = await this.backoff.begin(attempt);
    const ok = await this.passwords.verify(user?.passwordHash, dto.password);
    // One answer for an unknown email and a wrong password, after the same amount of hashing work.
    if (!user || !ok) throw new AuthException(ProblemCode.InvalidCredentials, 'The email or password is wrong.');
    await this.backoff.succeeded({ ...attempt, userId: user.id }, counted);
    if (user.banned) throw new AuthException(ProblemCode.AccountBanned, 'This account is suspended.');
    // The session and its analytics event commit together.
    const pair = await this.dataSource.transaction(async (m) => {
      await this.events.record([{ type: 'login', userId: user.id }], m);
      return this.tokens.issue(user, m);
    });
    return {
      response: { user: UserDto.from(user, await this.credits.balanceOf(user.id)), ...pair },
      deviceCookie: deviceCookieHeader(user.id, this.authCfg.jwtSecret, this.appCfg.nodeEnv === 'production'),
    };
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
