import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ADMIN_QUEUE_NAMES, type AdminQueueName, QUEUE_STATES } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { AdminException } from './admin.exception';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { JobQueueService } from '../jobs/job-queue.service';
import { AuditLogService } from './audit-log.service';
import { AdminQueueDto, AdminQueueRetryDto } from './dto/admin-queues.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(
    private readonly queues: JobQueueService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AdminQueueDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  async list(): Promise<AdminQueueDto[]> {
    const stats = await this.queues.stats();
    return stats.map(({ name, counts }) => ({
      name,
      counts: Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[s] ?? 0])) as unknown as AdminQueueDto['counts'],
    }));
  }

  /**
   * Moves the queue's failed BullMQ jobs back to waiting. Their job rows already ended failed and were refunded, so
   * a worker skips them: this clears the failed set rather than charging or running anything again.
   */
  @Post(':name/retry-failed')
  @HttpCode(200)
  @ApiParam({ name: 'name', enum: ADMIN_QUEUE_NAMES })
  @ApiOkResponse({ type: AdminQueueRetryDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.NotFound)
  async retryFailed(@CurrentUser() admin: Principal, @Param('name') name: string): Promise<AdminQueueRetryDto> {
    if (!(ADMIN_QUEUE_NAMES as readonly string[]).includes(name))
      throw new AdminException(ProblemCode.NotFound, 'No such queue.');
    const queue = name as AdminQueueName;
    const retried = await this.queues.retryFailed(queue);
    await this.audit.record({
      actorId: admin.userId,
      action: 'queues.retry_failed',
      targetType: 'queue',
      targetId: queue,
      details: { retried },
    });
    return { name: queue, retried };
  }
}
