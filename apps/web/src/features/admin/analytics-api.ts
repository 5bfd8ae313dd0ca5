/**
 * Every API call of the analytics dashboard, in one place, through the generated SDK.
 */
import { data, megicai } from '../../api';

export const analyticsKeys = {
  report: (from: string, to: string) => ['admin', 'analytics', from, to] as const,
};

export const analyticsApi = {
  report: (from: string, to: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/admin/analytics', { params: { query: { from, to } }, signal })),

  /**
   * GET /admin/analytics.csv with the admin's token (a plain link would carry none), saved as a file through a
   * Blob URL.
   */
  async downloadCsv(from: string, to: string): Promise<void> {
    const csv = await data(
      megicai.GET('/api/v1/admin/analytics.csv', {
        params: { query: { from, to } },
        headers: { Accept: 'text/csv' },
        parseAs: 'blob',
      }),
    );
    const url = URL.createObjectURL(csv);
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
