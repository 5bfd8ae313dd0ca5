import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/public.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { ProviderDto } from './dto/provider.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'AI providers, the kinds and models they offer, and whether they are up' })
  @ApiOkResponse({ type: [ProviderDto] })
  @ApiProblems()
  list(): ProviderDto[] {
    return this.providers.list();
  }
}
