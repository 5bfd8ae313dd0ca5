import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LeaderboardView } from '@megicai/contracts';
import { RequireScope } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { LeaderboardDto, LeaderboardQueryDto } from './dto/leaderboard.dto';
import { LeaderboardService } from './leaderboard.service';

@ApiTags('leaderboard')
@ApiBearerAuth()
@Controller('leaderboard')
export class LeaderboardController {
  constructor(private readonly leaderboard: LeaderboardService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: 'Top referrers (registrations with their code) or creators (earnings) in a period' })
  @ApiOkResponse({ type: LeaderboardDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  view(@Query() query: LeaderboardQueryDto): Promise<LeaderboardView> {
    return this.leaderboard.board(query.board, query.period, query.limit);
  }
}
