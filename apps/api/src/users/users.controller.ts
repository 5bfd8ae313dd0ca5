import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { UsersException } from './users.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { CreditsService } from '../credits/credits.service';
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
  @ApiProblems(ProblemCode.Unauthorized)
  async me(@CurrentUser() principal: Principal): Promise<UserDto> {
    const [user, balance] = await Promise.all([
      this.users.findById(principal.userId),
      this.credits.balanceOf(principal.userId),
    ]);
    if (!user) throw new UsersException(ProblemCode.Unauthorized, 'This account no longer exists.');
    return UserDto.from(user, balance);
  }
}
