import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig } from '../../config/auth.config';
import type { Principal } from '../../common/auth/principal';
import type { AccessClaims } from '../tokens.service';

/**
 * Verifies the access token alone (algorithm pinned, issuer and audience checked) without a database read:
 * tokens live 15 minutes, and a ban revokes the refresh families so the next refresh fails.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(authConfig.KEY) config: ConfigType<typeof authConfig>) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a PEM key on every
      // request (a third of the CPU time of an authenticated GET, measured in tools/bench/http).
      // (passport-jwt's types say string | Buffer; jsonwebtoken, which does the work, takes a KeyObject.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessClaims): Principal {
    return { userId: claims.sub, role: claims.role, via: 'jwt', scopes: null };
  }
}
