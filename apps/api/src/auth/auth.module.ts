import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authConfig } from '../config/auth.config';
import { creditsConfig } from '../config/credits.config';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { AccessStatusService } from './access-status.service';
import { AdminSeedService } from './admin-seed.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ApiKey } from './entities/api-key.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { PasswordService } from './password.service';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';
import { TokensService } from './tokens.service';

@Module({
  imports: [
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
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [
    AuthService,
    AccessStatusService,
    PasswordService,
    TokensService,
    ApiKeysService,
    JwtStrategy,
    ApiKeyStrategy,
    AdminSeedService,
  ],
  exports: [TokensService, AccessStatusService],
})
export class AuthModule {}
