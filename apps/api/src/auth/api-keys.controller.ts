import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toMilli } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const notFound = () => new AuthException(ProblemCode.NotFound, 'No such API key.');

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key is shown once' })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.Conflict)
  create(@CurrentUser() user: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    this.peopleOnly(user);
    const cap = dto.dailyCreditCap === undefined || dto.dailyCreditCap === null ? null : toMilli(dto.dailyCreditCap);
    return this.apiKeys.create(user.userId, dto.name, dto.scopes, cap);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiProblems(ProblemCode.Unauthorized)
  list(@CurrentUser() user: Principal): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(user.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  async revoke(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
  ): Promise<void> {
    this.peopleOnly(user);
    await this.apiKeys.revoke(user.userId, id);
  }

  /** A leaked key must not be able to mint or revoke keys. */
  private peopleOnly(user: Principal) {
    if (user.via !== 'jwt')
      throw new AuthException(ProblemCode.ApiKeyScope, 'API keys are managed by signing in, not with an API key.');
  }
}
