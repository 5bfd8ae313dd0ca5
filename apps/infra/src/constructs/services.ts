import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { APP_SECRETS, EnvironmentConfig, metricsNamespace, ServiceSize } from '../config';
import type { DataStores } from './data';
import type { Network } from './network';
import type { SecretGroup, StorageAndSecrets } from './storage';

export interface ServicesProps {
  config: EnvironmentConfig;
  network: Network;
  data: DataStores;
  storage: StorageAndSecrets;
  imageTag: string;
  /** PUBLIC_URL: the CloudFront address (or the custom domain). */
  publicUrl: string;
}

/** Container name of the API task: the migration one-off task (README) overrides its command. */
export const API_CONTAINER = 'api';
export const WORKER_CONTAINER = 'worker';

/**
 * ECS on Fargate: the API service behind the ALB (RUN_WORKER=off) and the worker service (`npm run worker`), both
 * from the one image of docker/api.Dockerfile, each autoscaled between the config's bounds. A WAF rate rule
 * guards the ALB.
 */
export class Services extends Construct {
  readonly cluster: ecs.Cluster;
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly api: ecs.FargateService;
  readonly worker: ecs.FargateService;
  readonly webAcl: wafv2.CfnWebACL;
  /** Waiting jobs across the media queues, published by the worker (EMF, apps/api/src/jobs/queue-depth.publisher.ts). */
  readonly queueDepth: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: ServicesProps) {
    super(scope, id);
    const { config, network, data, storage } = props;
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: network.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const image = ecs.ContainerImage.fromEcrRepository(
      ecr.Repository.fromRepositoryName(this, 'Repository', config.imageRepositoryName),
      props.imageTag,
    );

    // Plain settings (not secret); the names are those of .env.example.
    const environment: Record<string, string> = {
      NODE_ENV: 'production',
      PORT: '3000',
      PUBLIC_URL: props.publicUrl,
      RUN_WORKER: 'off',
      // CloudFront → ALB → task: the client address is the first X-Forwarded-For entry.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
      REDIS_PREFIX: 'megicai',
      DATABASE_POOL_SIZE: String(config.database.poolSizePerTask),
      STORAGE_DRIVER: 's3',
      S3_BUCKET: storage.assets.bucketName,
      S3_REGION: config.region,
      JOB_CONCURRENCY: String(config.worker.concurrency),
      PAYMENTS_PROVIDER: 'offline',
    };
    const secrets: Record<string, ecs.Secret> = {
      DATABASE_URL: ecs.Secret.fromSecretsManager(data.databaseUrl),
      REDIS_URL: ecs.Secret.fromSecretsManager(data.redisUrl),
    };
    for (const [group, keys] of Object.entries(APP_SECRETS) as [SecretGroup, readonly string[]][]) {
      for (const key of keys) secrets[key] = ecs.Secret.fromSecretsManager(storage.secrets[group], key);
    }

    const task = (name: string, size: ServiceSize, extraEnv: Record<string, string>, command: string[]) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        logGroupName: `/megicai/${config.name}/${name.toLowerCase()}`,
        retention: config.logRetentionDays as logs.RetentionDays,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const definition = new ecs.FargateTaskDefinition(this, `${name}Task`, {
        cpu: size.cpu,
        memoryLimitMiB: size.memoryMiB,
        runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64 },
      });
      const container = definition.addContainer(name.toLowerCase(), {
        image,
        command,
        environment: { ...environment, ...extraEnv },
        secrets,
        logging: ecs.LogDrivers.awsLogs({ streamPrefix: name.toLowerCase(), logGroup }),
        readonlyRootFilesystem: false,
        stopTimeout: Duration.seconds(30),
      });
      // What the S3 storage driver does, no more: read and write generated assets (no list, no delete).
      definition.taskRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [storage.assets.arnForObjects('*')],
        }),
      );
      return { definition, container, logGroup };
    };

    const apiTask = task('Api', config.api, {}, ['node', 'apps/api/dist/main.js']);
    apiTask.container.addPortMappings({ containerPort: 3000 });
    // `npm run worker` is `node apps/api/dist/worker.js`; the runtime image has no npm scripts' dev tools, so run it directly.
    const workerTask = task(
      'Worker',
      config.worker,
      { CLOUDWATCH_METRICS: 'true', CLOUDWATCH_METRICS_NAMESPACE: metricsNamespace(config.name) },
      ['node', 'apps/api/dist/worker.js'],
    );

    const service = (name: string, definition: ecs.FargateTaskDefinition, sg: ec2.SecurityGroup, size: ServiceSize) =>
      new ecs.FargateService(this, name, {
        cluster: this.cluster,
        taskDefinition: definition,
        desiredCount: size.minTasks,
        securityGroups: [sg],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        minHealthyPercent: 100,
        maxHealthyPercent: 200,
        // A version that never gets healthy is rolled back by ECS itself.
        circuitBreaker: { enable: true, rollback: true },
        enableExecuteCommand: false,
      });
    this.api = service('ApiService', apiTask.definition, network.apiSg, config.api);
    this.worker = service('WorkerService', workerTask.definition, network.workerSg, config.worker);

    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: network.vpc,
      internetFacing: true,
      securityGroup: network.albSg,
      dropInvalidHeaderFields: true,
      // Streamed text runs (server-sent events) stay open while the model writes.
      idleTimeout: Duration.seconds(300),
    });
    this.alb.logAccessLogs(storage.logs, 'alb');
    const listener = this.alb.addListener('Http', { port: 80, open: false });
    this.targetGroup = listener.addTargets('Api', {
      port: 3000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.api],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: '/api/health/ready',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });

    const apiScaling = this.api.autoScaleTaskCount({
      minCapacity: config.api.minTasks,
      maxCapacity: config.api.maxTasks,
    });
    apiScaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: config.api.cpuTargetPercent });
    apiScaling.scaleOnRequestCount('Requests', {
      requestsPerTarget: config.api.requestsPerTarget,
      targetGroup: this.targetGroup,
    });

    // Every worker publishes the same (queue-wide) figure, so Maximum is the depth, whatever the number of workers.
    this.queueDepth = new cloudwatch.Metric({
      namespace: metricsNamespace(config.name),
      metricName: 'WaitingJobsTotal',
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(1),
    });
    const workerScaling = this.worker.autoScaleTaskCount({
      minCapacity: config.worker.minTasks,
      maxCapacity: config.worker.maxTasks,
    });
    const per = config.worker.waitingJobsPerTask;
    workerScaling.scaleOnMetric('QueueDepth', {
      metric: this.queueDepth,
      scalingSteps: [
        { upper: per / 4, change: -1 },
        { lower: per, change: +1 },
        { lower: per * 4, change: +3 },
      ],
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      cooldown: Duration.seconds(120),
      evaluationPeriods: 2,
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'Waf', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: `megicai-${config.name}`,
        sampledRequestsEnabled: true,
      },
      rules: [
        {
          name: 'rate-per-client',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: config.wafRequestsPer5Minutes,
              // Behind CloudFront the peer is an edge server: count the viewer address CloudFront forwards.
              aggregateKeyType: 'FORWARDED_IP',
              forwardedIpConfig: { headerName: 'X-Forwarded-For', fallbackBehavior: 'MATCH' },
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'rate-per-client',
            sampledRequestsEnabled: true,
          },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WafAlb', {
      resourceArn: this.alb.loadBalancerArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
