import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { clientAddress } from '../common/http/client-address';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { AuthThrottle } from '../common/throttling/auth-throttle.decorator';
import { AuthService } from './auth.service';
import { AuthResponseDto, TokenPairDto } from './dto/auth-response.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @AuthThrottle()
  @ApiOperation({ summary: 'Create an account (signup bonus credited) and log in' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.EmailTaken)
  register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<AuthResponseDto> {
    return this.auth.register(dto, clientAddress(request));
  }

  @Post('login')
  @HttpCode(200)
  // Per address only: per email, failed logins back off in LoginBackoffService, which spares the owner's devices.
  @AuthThrottle({ perEmail: false })
  @ApiOperation({
    summary: 'Log in; the same 401 for an unknown email and a wrong password',
    description:
      'Repeated failures slow down per email and per address (429 with a growing Retry-After); a device or address ' +
      'that logged into the account before is not slowed, and a new password starts afresh.',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidCredentials,
    ProblemCode.AccountBanned,
    ProblemCode.RateLimited,
  )
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    const { response, deviceCookie } = await this.auth.login(dto, {
      address: clientAddress(request),
      cookie: request.headers.cookie,
    });
    void reply.header('set-cookie', deviceCookie);
    return response;
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair; a reused token revokes its whole family' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.InvalidRefreshToken, ProblemCode.TokenReused)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the refresh token and its family' })
  @ApiBody({ type: RefreshDto })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiProblems(ProblemCode.ValidationFailed)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
