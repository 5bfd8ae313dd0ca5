/** Events a webhook endpoint can subscribe to. `webhook.test` is only ever sent by "send test event". */
export const WebhookEvent = {
  JobSucceeded: 'job.succeeded',
  JobFailed: 'job.failed',
  CreditsLow: 'credits.low',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WebhookDeliveryStatus = { Pending: 'pending', Succeeded: 'succeeded', Failed: 'failed' } as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];
