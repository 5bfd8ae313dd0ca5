import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { UsersException } from './users.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(ProblemCode.Unauthorized)
  async me(@CurrentUser() principal: Principal): Promise<UserDto> {
    const user = await this.users.profileOf(principal.userId);
    if (!user) throw new UsersException(ProblemCode.Unauthorized, 'This account no longer exists.');
    return UserDto.from(user, user.balance);
  }
}
