import type { AdCompleteResult, AdOffer, AdSessionView, AdStatus, AdTier } from '@megicai/contracts';
import { api } from '../../api';

export const adsKeys = {
  offers: ['ads', 'offers'] as const,
  status: ['ads', 'status'] as const,
};

export const adsApi = {
  offers: (signal?: AbortSignal) => api.get<AdOffer[]>('/ads/offers', { signal }),
  status: (signal?: AbortSignal) => api.get<AdStatus>('/ads/status', { signal }),
  start: (tier: AdTier) => api.post<AdSessionView>('/ads/sessions', { tier }),
  complete: (sessionId: string, idempotencyKey: string) =>
    api.post<AdCompleteResult>(`/ads/sessions/${sessionId}/complete`, undefined, { idempotencyKey }),
};
