import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope, Role } from '@megicai/contracts';

export const ROLES = 'roles';
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const SCOPES = 'scopes';
/** The API-key scope a route needs; people (JWT) hold every scope. */
export const RequireScope = (scope: ApiKeyScope) => SetMetadata(SCOPES, scope);
