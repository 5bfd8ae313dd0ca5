import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ProblemCode } from '@megicai/contracts';
import { AppException } from '../errors/app.exception';
import { CommonException } from '../errors/common.exception';
import { InfrastructureException, isInfrastructureError } from '../errors/infrastructure.exception';
import { IS_PUBLIC } from './public.decorator';

/** Global guard: a valid Bearer JWT or X-API-Key on every route not marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err instanceof AppException) throw err;
    // The database could not say who this is (or whether they are banned): 503, never a 401 nor a pass.
    if (isInfrastructureError(err)) throw new InfrastructureException();
    if (err || !user) {
      throw new CommonException(
        ProblemCode.Unauthorized,
        'A valid access token (Authorization: Bearer) or API key (X-API-Key) is required.',
      );
    }
    return user;
  }
}
