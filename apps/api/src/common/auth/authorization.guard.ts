import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyScope, Role } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { CommonException } from '../errors/common.exception';
import type { Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { ROLES, SCOPES } from './roles.decorator';

const ADMIN_PATH = /^\/api\/v1\/admin(\/|$|\?)/;

/**
 * Roles and API-key scopes. `/admin` is denied by default: only a person (never an API key) with the admin role,
 * whatever decorators a controller forgot.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ user?: Principal; url: string }>();
    const principal = request.user;
    if (!principal) throw new CommonException(ProblemCode.Unauthorized, 'Authentication is required.');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [];
    const needsAdmin = ADMIN_PATH.test(request.url) || roles.includes('admin');
    if (needsAdmin && (principal.via !== 'jwt' || principal.role !== 'admin')) {
      throw principal.via === 'api-key'
        ? new CommonException(ProblemCode.ApiKeyScope, 'API keys cannot reach the admin API.')
        : new CommonException(ProblemCode.AdminOnly, 'This needs the admin role.');
    }
    const scope = this.reflector.getAllAndOverride<ApiKeyScope | undefined>(SCOPES, targets);
    if (scope && principal.scopes && !principal.scopes.includes(scope)) {
      throw new CommonException(ProblemCode.ApiKeyScope, `This API key lacks the "${scope}" scope.`);
    }
    return true;
  }
}
