import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export type WebhooksCode = Extract<ProblemCode, 'webhook_url_forbidden' | 'not_found' | 'conflict'>;

export class WebhooksException extends AppException<WebhooksCode> {}
