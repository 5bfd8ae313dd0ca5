import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig } from '../../config/auth.config';
import type { Principal } from '../../common/auth/principal';
import { AccessStatusService } from '../access-status.service';
import type { AccessClaims } from '../tokens.service';

/**
 * Verifies the access token (algorithm pinned, issuer and audience checked), then takes role and ban from the
 * database (cached for a few seconds, invalidated on change): a ban or a demotion takes effect on the next request,
 * not when the token expires, and the role claim in the token is never trusted.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    private readonly access: AccessStatusService,
  ) {
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

  async validate(claims: AccessClaims): Promise<Principal | false> {
    const status = await this.access.get(claims.sub);
    if (!status || status.banned) return false;
    return { userId: claims.sub, role: status.role, via: 'jwt', scopes: null, sessionId: claims.fid };
  }
}
