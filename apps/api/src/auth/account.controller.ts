import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemCode } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { type AccountExport, AccountService } from './account.service';
import { AccountExportDto } from './dto/account-export.dto';
import { ChangePasswordDto, DeleteAccountDto } from './dto/account.dto';

/** The caller's own account: password, sessions, export, erasure. */
@ApiTags('me')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password; every other session ends. 400 `wrong_password`' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblems(ProblemCode.WrongPassword, ProblemCode.ValidationFailed, ProblemCode.Unauthorized)
  changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(user.userId, user.sessionId, dto.currentPassword, dto.newPassword);
  }

  @Post('sessions/sign-out-others')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session (refresh family) of the account except the calling one' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems(ProblemCode.Unauthorized)
  signOutOthers(@CurrentUser() user: Principal): Promise<void> {
    return this.account.signOutOthers(user.userId, user.sessionId);
  }

  @Get('export')
  @RequireScope('read')
  @ApiOperation({ summary: 'Everything the platform holds about the caller, as one JSON document' })
  @ApiOkResponse({ type: AccountExportDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  exportData(@CurrentUser() user: Principal): Promise<AccountExport> {
    return this.account.exportData(user.userId);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Erase the account’s personal data (the ledger keeps anonymous rows); login stops working. 400 `wrong_password`',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblems(ProblemCode.WrongPassword, ProblemCode.ValidationFailed, ProblemCode.Unauthorized)
  erase(@CurrentUser() user: Principal, @Body() dto: DeleteAccountDto): Promise<void> {
    return this.account.erase(user.userId, dto.password);
  }
}
