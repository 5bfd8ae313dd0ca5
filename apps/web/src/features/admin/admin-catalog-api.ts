import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

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
  creatives: (signal?: AbortSignal) => data(megicai.GET('/api/v1/admin/ads/creatives', { signal })),
  /** The file itself is the body; its type (image/png, video/mp4…) is the Content-Type. */
  upload: (file: File) =>
    data(
      megicai.POST('/api/v1/admin/ads/creatives/uploads', {
        // The document types a binary body as a string; the browser sends the File's bytes as they are.
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': file.type },
      }),
    ),
  createCreative: (body: NewCreative) => data(megicai.POST('/api/v1/admin/ads/creatives', { body })),
  patchCreative: (id: string, body: CreativePatch) =>
    data(megicai.PATCH('/api/v1/admin/ads/creatives/{id}', { params: { path: { id } }, body })),
  plans: (signal?: AbortSignal) => data(megicai.GET('/api/v1/admin/premium/plans', { signal })),
  patchPlan: (id: string, body: PlanPatch) =>
    data(megicai.PATCH('/api/v1/admin/premium/plans/{id}', { params: { path: { id } }, body })),
};

/** What the upload route takes (the server checks the bytes too). */
export const CREATIVE_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm'];
export const MAX_CREATIVE_MB = 10;
