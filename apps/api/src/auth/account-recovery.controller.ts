import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemCode } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Public } from '../common/auth/public.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { AuthThrottle } from '../common/throttling/auth-throttle.decorator';
import { ForgotPasswordDto, ResetPasswordDto, TokenDto } from './dto/account.dto';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';

/**
 * Links mailed to the account's address: email verification and password reset. Tokens are 256-bit random values
 * (guessing is hopeless), so verify and reset stay under the general limit; `forgot` sends mail and gets the tight
 * per-address and per-email one.
 */
@ApiTags('auth')
@Controller('auth')
export class AccountRecoveryController {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('email/verify')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Spend the mailed verification link; 400 `invalid_token` when bad, used or expired' })
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiProblems(ProblemCode.InvalidToken, ProblemCode.ValidationFailed)
  verify(@Body() dto: TokenDto): Promise<void> {
    return this.verification.verify(dto.token);
  }

  @Post('email/resend')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mail a new verification link (at most one a minute: 429 `rate_limited`)' })
  @ApiAcceptedResponse({ description: 'A link is on its way (nothing is sent when already verified)' })
  @ApiProblems(ProblemCode.Unauthorized)
  resend(@CurrentUser() user: Principal): Promise<void> {
    return this.verification.resend(user.userId);
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @AuthThrottle()
  @ApiOperation({ summary: 'Mail a password-reset link (1 hour); the same answer whether or not the account exists' })
  @ApiAcceptedResponse({ description: 'If the address has an account, a link is on its way' })
  @ApiProblems(ProblemCode.ValidationFailed)
  forgot(@Body() dto: ForgotPasswordDto): void {
    this.resets.request(dto.email);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the mailed link; ends every session. 400 `invalid_token`' })
  @ApiNoContentResponse({ description: 'Password changed; log in again' })
  @ApiProblems(ProblemCode.InvalidToken, ProblemCode.ValidationFailed)
  reset(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.resets.reset(dto.token, dto.password);
  }
}
