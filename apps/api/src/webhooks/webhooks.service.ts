import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { WEBHOOK_TEST_EVENT } from '@megicai/contracts';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { webhooksConfig } from '../config/webhooks.config';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
} from './dto/webhook.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { checkWebhookUrl } from './safe-address';
import { WebhookEventsService } from './webhook-events.service';
import { WebhooksException } from './webhooks.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user's webhook endpoints and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
    private readonly events: WebhookEventsService,
  ) {}

  async create(userId: string, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const verdict = await checkWebhookUrl(dto.url, this.config.allowPrivate);
    if (!verdict.ok) {
      throw new WebhooksException('webhook_url_forbidden', `The webhook URL ${verdict.reason}.`, {
        errors: [{ field: 'url', message: verdict.reason }],
      });
    }
    const active = await this.endpoints.countBy({ userId, deletedAt: IsNull() });
    if (active >= this.config.maxEndpointsPerUser) {
      throw new WebhooksException('conflict', `At most ${this.config.maxEndpointsPerUser} webhook endpoints.`);
    }
    const row = await this.endpoints.save(
      this.endpoints.create({
        userId,
        url: verdict.url.toString(),
        events: dto.events,
        secret: `whsec_${randomBytes(24).toString('base64')}`,
      }),
    );
    return { ...view(row), secret: row.secret };
  }

  async list(userId: string): Promise<WebhookDto[]> {
    const rows = await this.endpoints.find({ where: { userId, deletedAt: IsNull() }, order: { createdAt: 'DESC' } });
    return rows.map(view);
  }

  /** Deleting stops pending retries too (the worker drops deliveries of a deleted endpoint). */
  async remove(userId: string, id: string): Promise<void> {
    const result = UUID.test(id)
      ? await this.endpoints.update({ id, userId, deletedAt: IsNull() }, { deletedAt: new Date() })
      : { affected: 0 };
    if (result.affected !== 1) throw notFound();
  }

  async deliveryLog(userId: string, id: string, limit: number, cursor?: string): Promise<WebhookDeliveryPageDto> {
    const endpoint = await this.owned(userId, id);
    const after = decodeCursor(cursor);
    const query = this.deliveries
      .createQueryBuilder('d')
      .where('d.endpoint_id = :id', { id: endpoint.id })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1);
    if (after) {
      query.andWhere('(d.created_at, d.id) < (:createdAt, :cursorId)', {
        createdAt: after.createdAt,
        cursorId: after.id,
      });
    }
    return toPage(await query.getMany(), limit, deliveryView);
  }

  /** "Send test event": a signed `webhook.test` delivery to this endpoint alone, logged like any other. */
  async sendTest(userId: string, id: string): Promise<{ deliveryId: string }> {
    const endpoint = await this.owned(userId, id);
    const [deliveryId] = await this.events.emit({
      userId,
      endpointId: endpoint.id,
      event: WEBHOOK_TEST_EVENT,
      key: `${WEBHOOK_TEST_EVENT}:${Date.now()}:${randomBytes(4).toString('hex')}`,
      data: { endpointId: endpoint.id, message: 'A test event from MegicAI.' },
    });
    return { deliveryId: deliveryId as string };
  }

  private async owned(userId: string, id: string): Promise<WebhookEndpoint> {
    const row = UUID.test(id) ? await this.endpoints.findOneBy({ id, userId, deletedAt: IsNull() }) : null;
    if (!row) throw notFound();
    return row;
  }
}

const notFound = () => new WebhooksException('not_found', 'No such webhook endpoint.');

function view(row: WebhookEndpoint): WebhookDto {
  return { id: row.id, url: row.url, events: row.events, createdAt: row.createdAt.toISOString() };
}

function deliveryView(row: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
