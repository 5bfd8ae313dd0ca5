import { queueDepthEmf } from './queue-depth.publisher';

describe('queueDepthEmf', () => {
  it('prints one EMF line per queue and a dimensionless total', () => {
    const lines = queueDepthEmf('MegicAI/production', { image: 3, audio: 0, video: 2 }, 1_700_000_000_000).map(
      (l) => JSON.parse(l) as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'MegicAI/production',
            Dimensions: [['Queue']],
            Metrics: [{ Name: 'WaitingJobs', Unit: 'Count' }],
          },
        ],
      },
      Queue: 'image',
      WaitingJobs: 3,
    });
    expect(lines[3]).toMatchObject({ WaitingJobsTotal: 5 });
    expect(lines[3]._aws.CloudWatchMetrics[0]).toMatchObject({
      Dimensions: [[]],
      Metrics: [{ Name: 'WaitingJobsTotal' }],
    });
  });
});
