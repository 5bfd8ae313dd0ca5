/**
 * Every API call of the analytics dashboard, in one place (the SPA's client today; one file to convert to the SDK).
 */
import type { AnalyticsReport } from '@megicai/contracts';
import { api, apiFetch } from '../../api';

export const analyticsKeys = {
  report: (from: string, to: string) => ['admin', 'analytics', from, to] as const,
};

export const analyticsApi = {
  report: (from: string, to: string, signal?: AbortSignal) =>
    api.get<AnalyticsReport>('/admin/analytics', { query: { from, to }, signal }),

  /**
   * GET /admin/analytics.csv with the admin's token (a plain link would carry none), saved as a file through a
   * Blob URL.
   */
  async downloadCsv(from: string, to: string): Promise<void> {
    const response = await apiFetch('/admin/analytics.csv', { query: { from, to }, headers: { Accept: 'text/csv' } });
    const url = URL.createObjectURL(await response.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = `analytics-${from}-${to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // After the click has handed the Blob to the download.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
  },
};
