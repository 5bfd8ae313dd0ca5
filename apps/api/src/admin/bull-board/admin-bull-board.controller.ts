import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../../common/swagger/api-problems.decorator';
import { BULL_BOARD_PATH, BullBoardAccessService } from './bull-board-access.service';
import { BullBoardSessionDto } from './bull-board-session.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues/board-session')
export class AdminBullBoardController {
  constructor(private readonly access: BullBoardAccessService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sets a short-lived signed HttpOnly cookie scoped to Bull Board, then open `url` in a new tab',
  })
  @ApiOkResponse({ type: BullBoardSessionDto })
  @ApiProblems(...ADMIN_PROBLEMS)
  open(@CurrentUser() admin: Principal, @Res({ passthrough: true }) reply: FastifyReply): BullBoardSessionDto {
    const { cookie, expiresAt } = this.access.cookieFor(admin.userId);
    void reply.header('set-cookie', cookie);
    return { url: `${BULL_BOARD_PATH}/`, expiresAt };
  }
}
