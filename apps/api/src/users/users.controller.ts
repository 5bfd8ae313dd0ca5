import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { UsersException } from './users.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { UpdateProfileDto } from './dto/update-profile.dto';
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
  me(@CurrentUser() principal: Principal): Promise<UserDto> {
    return this.profile(principal.userId);
  }

  @Patch()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized)
  async update(@CurrentUser() principal: Principal, @Body() dto: UpdateProfileDto): Promise<UserDto> {
    await this.users.update(principal.userId, { displayName: dto.displayName });
    return this.profile(principal.userId);
  }

  private async profile(userId: string): Promise<UserDto> {
    const user = await this.users.profileOf(userId);
    if (!user) throw new UsersException(ProblemCode.Unauthorized, 'This account no longer exists.');
    return UserDto.from(user, user.balance);
  }
}
