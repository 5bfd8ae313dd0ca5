import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsEventsModule } from '../analytics-events/analytics-events.module';
import { authConfig } from '../config/auth.config';
import { creditsConfig } from '../config/credits.config';
import { CreditsModule } from '../credits/credits.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { UsersModule } from '../users/users.module';
import { AccessStatusService } from './access-status.service';
import { MailModule } from '../mail/mail.module';
import { StorageModule } from '../storage/storage.module';
import { AccountRecoveryController } from './account-recovery.controller';
import { AccountTokensService } from './account-tokens.service';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AdminSeedService } from './admin-seed.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ApiKey } from './entities/api-key.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { LoginBackoffService } from './login-backoff.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    AnalyticsEventsModule,
    ConfigModule.forFeature(creditsConfig),
    TypeOrmModule.forFeature([RefreshToken, ApiKey]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: ConfigType<typeof authConfig>) => ({
        secret: config.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTokenTtl,
          issuer: config.jwtIssuer,
          audience: config.jwtAudience,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: config.jwtIssuer, audience: config.jwtAudience },
      }),
    }),
    UsersModule,
    CreditsModule,
    ReferralsModule,
    MailModule,
    StorageModule,
  ],
  controllers: [AuthController, ApiKeysController, AccountRecoveryController, AccountController],
  providers: [
    AuthService,
    AccessStatusService,
    PasswordService,
    TokensService,
    ApiKeysService,
    LoginBackoffService,
    JwtStrategy,
    ApiKeyStrategy,
    AdminSeedService,
    AccountTokensService,
    EmailVerificationService,
    PasswordResetService,
    AccountService,
  ],
  exports: [TokensService, AccessStatusService],
})
export class AuthModule {}
