import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/roles.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { UsersService } from '../users/users.service';
import { AdminUserPageDto, AdminUsersQueryDto } from './dto/admin-user.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPageDto> {
    return this.users.search(query.q, query.limit, query.cursor);
  }
}
