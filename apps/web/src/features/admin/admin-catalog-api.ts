import type { Schema } from '@megicai/sdk';
import { api } from '../../api';

/** The admin catalog's calls (house creatives, premium plans), in one place: types from the generated SDK schema. */
export type AdminCreative = Schema<'AdminAdCreativeDto'>;
export type CreativeUpload = Schema<'AdminCreativeUploadDto'>;
export type NewCreative = Schema<'CreateAdCreativeDto'>;
export type CreativePatch = Schema<'UpdateAdCreativeDto'>;
export type AdminPlan = Schema<'AdminPremiumPlanDto'>;
export type PlanPatch = Schema<'UpdatePremiumPlanDto'>;

export const catalogKeys = {
  creatives: ['admin', 'creatives'] as const,
  plans: ['admin', 'premium-plans'] as const,
};

export const catalogApi = {
  creatives: (signal?: AbortSignal) => api.get<AdminCreative[]>('/admin/ads/creatives', { signal }),
  /** The file itself is the body; its type (image/png, video/mp4…) is the Content-Type. */
  upload: (file: File) => api.post<CreativeUpload>('/admin/ads/creatives/uploads', file),
  createCreative: (body: NewCreative) => api.post<AdminCreative>('/admin/ads/creatives', body),
  patchCreative: (id: string, patch: CreativePatch) => api.patch<AdminCreative>(`/admin/ads/creatives/${id}`, patch),
  plans: (signal?: AbortSignal) => api.get<AdminPlan[]>('/admin/premium/plans', { signal }),
  patchPlan: (id: string, patch: PlanPatch) => api.patch<AdminPlan>(`/admin/premium/plans/${id}`, patch),
};

/** What the upload route takes (the server checks the bytes too). */
export const CREATIVE_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm'];
export const MAX_CREATIVE_MB = 10;
