import { AnalyticsService } from './analytics.service';

describe('AnalyticsService.window', () => {
  // The window needs none of the services.
  const service = new AnalyticsService({} as never, {} as never, {} as never);
  const now = new Date('2026-11-25T10:30:00Z');

  it('defaults to the last 7 UTC days, today included, as [start, end)', () => {
    expect(service.window(undefined, undefined, now)).toEqual({
      start: new Date('2026-11-19T00:00:00Z'),
      end: new Date('2026-11-26T00:00:00Z'),
    });
  });

  it('takes whole days from dates or instants; from = to is one day', () => {
    expect(service.window('2026-11-01T23:59:00Z', '2026-11-01', now)).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-11-02T00:00:00Z'),
    });
  });

  it('refuses from after to, and more than 92 days', () => {
    expect(() => service.window('2026-11-02', '2026-11-01', now)).toThrow('from must not be after to');
    expect(() => service.window('2026-01-01', '2026-04-02', now)).not.toThrow();
    expect(() => service.window('2026-01-01', '2026-04-03', now)).toThrow('at most 92 days');
  });
});
