import type {
  AdCompleteResult,
  AdImpressionRequest,
  AdOffer,
  AdSessionView,
  AdStatus,
  AdTier,
} from '@megicai/contracts';
import { api } from '../../api';

export const adsKeys = {
  offers: ['ads', 'offers'] as const,
  status: ['ads', 'status'] as const,
};

export const adsApi = {
  offers: (signal?: AbortSignal) => api.get<AdOffer[]>('/ads/offers', { signal }),
  status: (signal?: AbortSignal) => api.get<AdStatus>('/ads/status', { signal }),
  /** The SPA plays interactive creatives (sandboxed iframe) and reports their engagement. */
  start: (tier: AdTier, seconds?: number) =>
    api.post<AdSessionView>('/ads/sessions', { tier, ...(seconds ? { seconds } : {}), interactive: true }),
  impression: (sessionId: string, body: AdImpressionRequest) =>
    api.post<void>(`/ads/sessions/${sessionId}/impression`, body),
  engaged: (sessionId: string) => api.post<void>(`/ads/sessions/${sessionId}/engaged`),
  complete: (sessionId: string, idempotencyKey: string) =>
    api.post<AdCompleteResult>(`/ads/sessions/${sessionId}/complete`, undefined, { idempotencyKey }),
};
