import type { AdTier } from '@megicai/contracts';
import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type HouseCreativeItem = Schema<'HouseCreativeItemDto'>;
export type AdTierSettings = Schema<'AdTierSettingsDto'>;
export type AdNetworkSettings = Schema<'AdNetworkSettingsDto'>;
export type AdPerformanceReport = Schema<'AdPerformanceReportDto'>;

export type AdOffer = Schema<'AdOfferDto'>;
export type AdStatus = Schema<'AdStatusDto'>;
export type AdSessionView = Schema<'AdSessionDto'>;
export type AdCompleteResult = Schema<'AdCompleteDto'>;
export type AdImpressionRequest = Schema<'AdImpressionDto'>;

export const adsKeys = {
  offers: ['ads', 'offers'] as const,
  status: ['ads', 'status'] as const,
};

export const adsApi = {
  offers: (signal?: AbortSignal) => data(megicai.GET('/api/v1/ads/offers', { signal })),
  status: (signal?: AbortSignal) => data(megicai.GET('/api/v1/ads/status', { signal })),
  /** The SPA plays interactive creatives (sandboxed iframe) and reports their engagement. */
  start: (tier: AdTier, seconds?: number) =>
    data(megicai.POST('/api/v1/ads/sessions', { body: { tier, ...(seconds ? { seconds } : {}), interactive: true } })),
  impression: (id: string, body: AdImpressionRequest) =>
    data(megicai.POST('/api/v1/ads/sessions/{id}/impression', { params: { path: { id } }, body })),
  engaged: (id: string) => data(megicai.POST('/api/v1/ads/sessions/{id}/engaged', { params: { path: { id } } })),
  complete: (id: string, idempotencyKey: string) =>
    data(
      megicai.POST('/api/v1/ads/sessions/{id}/complete', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      }),
    ),
};
