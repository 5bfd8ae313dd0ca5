import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ToolsException } from './tools.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { ToolDto } from './dto/tool.dto';
import { ToolsService } from './tools.service';

@ApiTags('tools')
@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [ToolDto] })
  @ApiProblems()
  list(): Promise<ToolDto[]> {
    return this.tools.list();
  }

  @Get(':id')
  @Public()
  @ApiParam({ name: 'id', description: 'Tool UUID or slug' })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(ProblemCode.NotFound)
  async get(@Param('id') id: string): Promise<ToolDto> {
    const tool = await this.tools.findById(id);
    if (!tool || !tool.enabled) throw new ToolsException(ProblemCode.NotFound, 'No such tool.');
    return tool;
  }
}
