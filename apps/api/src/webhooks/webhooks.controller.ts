import { ProblemCode } from '@megicai/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookTestDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('me/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a webhook endpoint',
    description:
      'Deliveries are signed by the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature) ' +
      'with the returned secret, which is shown only here. The URL must be https and resolve to a public address.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.WebhookUrlForbidden,
    ProblemCode.Unauthorized,
    ProblemCode.Conflict,
  )
  create(@CurrentUser() user: Principal, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(user.userId, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints' })
  @ApiOkResponse({ type: [WebhookDto] })
  @ApiProblems(ProblemCode.Unauthorized)
  list(@CurrentUser() user: Principal): Promise<WebhookDto[]> {
    return this.webhooks.list(user.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint (pending retries stop)' })
  @ApiNoContentResponse()
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  async remove(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(user.userId, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "An endpoint's delivery log, newest first" })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.InvalidCursor, ProblemCode.Unauthorized, ProblemCode.NotFound)
  deliveries(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Query() page: PageQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveryLog(user.userId, id, page.limit, page.cursor);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a signed `webhook.test` event to this endpoint' })
  @ApiAcceptedResponse({ type: WebhookTestDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  test(@CurrentUser() user: Principal, @Param('id') id: string): Promise<WebhookTestDto> {
    return this.webhooks.sendTest(user.userId, id);
  }
}
