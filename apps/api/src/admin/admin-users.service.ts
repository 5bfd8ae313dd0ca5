import { Injectable } from '@nestjs/common';
import { AccessStatusService } from '../auth/access-status.service';
import { TokensService } from '../auth/tokens.service';
import { ProblemCode } from '@megicai/contracts';
import { AdminException } from './admin.exception';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { AuditLogService } from './audit-log.service';
import type { AdminUserPatchDto } from './dto/admin-changes.dto';
import type { AdminUserDto as AdminUserView } from './dto/admin-user.dto';

/** Role and ban changes, audited; a ban also ends every refresh-token family of the user. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly access: AccessStatusService,
    private readonly audit: AuditLogService,
  ) {}

  async list(q: string | undefined, limit: number, cursor?: string) {
    const page = await this.users.search(q, limit, cursor);
    return { items: page.items.map(toAdminUser), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<AdminUserView> {
    return toAdminUser(await this.find(id));
  }

  async patch(actorId: string, id: string, patch: AdminUserPatchDto): Promise<AdminUserView> {
    if (patch.role === undefined && patch.banned === undefined) {
      throw new AdminException(ProblemCode.ValidationFailed, 'Nothing to change: send role and/or banned.', {
        errors: [{ field: 'role', message: 'role or banned is required' }],
      });
    }
    const user = await this.find(id);
    if (id === actorId)
      throw new AdminException(ProblemCode.Conflict, 'Admins cannot change their own role or ban themselves.');
    const before = { role: user.role, banned: user.banned };
    const change = { role: patch.role ?? user.role, banned: patch.banned ?? user.banned };
    await this.users.update(id, change);
    // Every process reads role and ban from the table: make them read it again now, not when their cache expires.
    await this.access.changed(id);
    if (change.banned && !before.banned) await this.tokens.revokeAllForUser(id);
    await this.audit.record({
      actorId,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      details: { before, after: change },
    });
    return toAdminUser({ ...user, ...change });
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findById(id).catch(() => null);
    if (!user) throw new AdminException(ProblemCode.NotFound, 'There is no such user.');
    return user;
  }
}

function toAdminUser(u: User): AdminUserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    banned: u.banned,
    premiumUntil: u.premiumUntil?.toISOString() ?? null,
    referralCode: u.referralCode,
    createdAt: u.createdAt.toISOString(),
  };
}
