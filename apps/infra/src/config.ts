/**
 * THE configuration of every environment: one typed object per stage, nothing read from the network at synth
 * time (no context lookups), so `cdk synth` runs offline in CI. Change a size or a count here and nowhere else.
 * The sizes of `production` come from apps/infra/capacity.md.
 */
export type EnvironmentName = 'staging' | 'production';

export interface ServiceSize {
  /** Fargate vCPU units (1024 = 1 vCPU) and memory (MiB): a valid Fargate pair. */
  cpu: number;
  memoryMiB: number;
  minTasks: number;
  maxTasks: number;
}

export interface EnvironmentConfig {
  name: EnvironmentName;
  /** Fixed account and region: no lookups, so synth needs no AWS credentials. */
  account: string;
  region: string;
  vpcCidr: string;
  /** Named, not looked up (synth stays offline); at least 2: the ALB, RDS Multi-AZ and the Redis replica need two. */
  availabilityZones: string[];
  natGateways: number;
  /** Id of the managed prefix list `com.amazonaws.global.cloudfront.origin-facing` in `region`: only CloudFront reaches the ALB. */
  cloudFrontPrefixListId: string;
  /** The image built from docker/api.Dockerfile lives in this ECR repository; the tag is a stack parameter. */
  imageRepositoryName: string;
  defaultImageTag: string;
  /** The public address (PUBLIC_URL); the CloudFront domain when no custom domain is configured. */
  publicUrl?: string;
  api: ServiceSize & {
    /** Target tracking: average CPU of the service, percent. */
    cpuTargetPercent: number;
    /** Target tracking: ALB requests per task per minute. */
    requestsPerTarget: number;
  };
  worker: ServiceSize & {
    /** Waiting jobs (all media queues) per worker task before the service scales out. */
    waitingJobsPerTask: number;
    /** JOB_CONCURRENCY of each worker process. */
    concurrency: number;
  };
  database: {
    instanceType: string;
    multiAz: boolean;
    allocatedStorageGiB: number;
    maxAllocatedStorageGiB: number;
    backupRetentionDays: number;
    deletionProtection: boolean;
    /** Non-default port (cdk-nag RDS11). */
    port: number;
    /** Share of the instance's max_connections the proxy may open. */
    proxyMaxConnectionsPercent: number;
    /** DATABASE_POOL_SIZE of each task: client connections to the proxy, multiplexed onto fewer database ones. */
    poolSizePerTask: number;
  };
  redis: {
    /** Explicit id, so that the alarms can name the primary node (`<id>-001`). */
    replicationGroupId: string;
    nodeType: string;
    /** 1+ replica gives a Multi-AZ automatic failover. */
    replicas: number;
    port: number;
    snapshotRetentionDays: number;
  };
  assets: {
    /** Generated images, audio and video move to Infrequent Access after this many days… */
    infrequentAccessAfterDays: number;
    /** …and are deleted after this many (users download what they keep). */
    expireAfterDays: number;
  };
  logRetentionDays: number;
  /** WAF: requests per client address per 5 minutes before it is blocked at the ALB. */
  wafRequestsPer5Minutes: number;
  alarms: {
    /** 5xx answers (target + load balancer) as a percentage of requests, over 5 minutes. */
    http5xxPercent: number;
    /** p99 target response time, seconds. */
    p99LatencySeconds: number;
    /** Waiting media jobs across all queues. */
    queueDepth: number;
    dbCpuPercent: number;
    redisMemoryPercent: number;
    /** Notified on every alarm (optional). */
    email?: string;
  };
}

/** Secret values the tasks receive as environment variables, grouped by who rotates them (README: rotate). */
export const APP_SECRETS = {
  /** Generated at creation. */
  jwt: ['JWT_SECRET'],
  assetUrl: ['ASSET_URL_SECRET'],
  /** Filled in by the operator after the first deploy (empty until then: the feature stays off). */
  providers: ['OPENAI_API_KEY', 'OPENROUTER_API_KEY', 'DEEPSEEK_API_KEY', 'HF_API_KEY'],
  /** The first key is generated, the others are filled in by the operator. */
  payments: ['PAYMENTS_WEBHOOK_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  mail: ['SMTP_URL'],
  ads: ['ADS_HMAC_SECRET'],
} as const;

/** Name of the CloudWatch namespace the worker publishes queue depth to (CLOUDWATCH_METRICS_NAMESPACE). */
export const metricsNamespace = (env: EnvironmentName) => `MegicAI/${env}`;

const ACCOUNT = process.env.MEGICAI_AWS_ACCOUNT ?? '111111111111';
const REGION = process.env.MEGICAI_AWS_REGION ?? 'us-east-1';
/** com.amazonaws.global.cloudfront.origin-facing in us-east-1; look it up once per region (README, step 2). */
const CLOUDFRONT_PREFIX_LIST = process.env.MEGICAI_CLOUDFRONT_PREFIX_LIST ?? 'pl-3b927c52';

/** What both environments share: one account and region, one image repository (tags differ per deploy). */
const SHARED = {
  account: ACCOUNT,
  region: REGION,
  cloudFrontPrefixListId: CLOUDFRONT_PREFIX_LIST,
  imageRepositoryName: 'megicai-api',
  defaultImageTag: 'latest',
} as const;

export const environments: Record<EnvironmentName, EnvironmentConfig> = {
  staging: {
    name: 'staging',
    ...SHARED,
    vpcCidr: '10.20.0.0/16',
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    natGateways: 1,
    api: { cpu: 512, memoryMiB: 1024, minTasks: 1, maxTasks: 3, cpuTargetPercent: 60, requestsPerTarget: 6000 },
    worker: { cpu: 512, memoryMiB: 1024, minTasks: 1, maxTasks: 2, waitingJobsPerTask: 50, concurrency: 4 },
    database: {
      instanceType: 't4g.small',
      multiAz: false,
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 50,
      backupRetentionDays: 3,
      deletionProtection: false,
      port: 5433,
      proxyMaxConnectionsPercent: 80,
      poolSizePerTask: 10,
    },
    redis: {
      replicationGroupId: 'megicai-staging',
      nodeType: 'cache.t4g.micro',
      replicas: 0,
      port: 6380,
      snapshotRetentionDays: 1,
    },
    assets: { infrequentAccessAfterDays: 30, expireAfterDays: 90 },
    logRetentionDays: 14,
    wafRequestsPer5Minutes: 2000,
    alarms: { http5xxPercent: 5, p99LatencySeconds: 2, queueDepth: 200, dbCpuPercent: 80, redisMemoryPercent: 70 },
  },
  production: {
    name: 'production',
    ...SHARED,
    vpcCidr: '10.30.0.0/16',
    availabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    natGateways: 2,
    // Sizes and counts: apps/infra/capacity.md.
    api: { cpu: 1024, memoryMiB: 2048, minTasks: 2, maxTasks: 12, cpuTargetPercent: 55, requestsPerTarget: 18000 },
    worker: { cpu: 512, memoryMiB: 1024, minTasks: 2, maxTasks: 10, waitingJobsPerTask: 40, concurrency: 8 },
    database: {
      instanceType: 'm7g.large',
      multiAz: true,
      allocatedStorageGiB: 100,
      maxAllocatedStorageGiB: 500,
      backupRetentionDays: 14,
      deletionProtection: true,
      port: 5433,
      proxyMaxConnectionsPercent: 75,
      poolSizePerTask: 20,
    },
    redis: {
      replicationGroupId: 'megicai-production',
      nodeType: 'cache.m7g.large',
      replicas: 1,
      port: 6380,
      snapshotRetentionDays: 7,
    },
    assets: { infrequentAccessAfterDays: 30, expireAfterDays: 90 },
    logRetentionDays: 90,
    wafRequestsPer5Minutes: 3000,
    alarms: { http5xxPercent: 2, p99LatencySeconds: 1.5, queueDepth: 500, dbCpuPercent: 75, redisMemoryPercent: 70 },
  },
};
