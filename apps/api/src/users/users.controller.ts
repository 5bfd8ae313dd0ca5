import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { ProblemException } from '../common/errors/problem.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { CreditsService } from '../credits/credits.service';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('me')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly credits: CreditsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401)
  me(@CurrentUser() principal: Principal): Promise<UserDto> {
    return this.profile(principal.userId);
  }

  @Patch()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401)
  async update(@CurrentUser() principal: Principal, @Body() dto: UpdateProfileDto): Promise<UserDto> {
    await this.users.update(principal.userId, { displayName: dto.displayName });
    return this.profile(principal.userId);
  }

  private async profile(userId: string): Promise<UserDto> {
    const [user, balance] = await Promise.all([this.users.findById(userId), this.credits.balanceOf(userId)]);
    if (!user) throw ProblemException.unauthorized('This account no longer exists.');
    return UserDto.from(user, balance);
  }
}
