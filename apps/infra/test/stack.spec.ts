import { CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { environments, EnvironmentName, metricsNamespace } from '../src/config';
import { synthWithNag } from './synth-with-nag';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The one container definition of the task definition whose container has this name. */
function container(t: Template, name: string): Json {
  const defs = Object.values(t.findResources('AWS::ECS::TaskDefinition')) as Json[];
  const found = defs.flatMap((d) => d.Properties.ContainerDefinitions as Json[]).find((c) => c.Name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

const envOf = (c: Json) => Object.fromEntries((c.Environment as Json[]).map((e) => [e.Name, e.Value]));
const secretNames = (c: Json) => (c.Secrets as Json[]).map((s) => s.Name as string).sort();

describe.each<EnvironmentName>(['staging', 'production'])('MegicAI-%s: resources, wiring and cdk-nag', (env) => {
  const config = environments[env];
  // One synthesis per environment (the slow part): cdk-nag's findings and the template come from the same one.
  const { stack, findings } = synthWithNag(env);
  const t = Template.fromStack(stack);

  it('has no unsuppressed cdk-nag AwsSolutions error or warning', () => {
    expect(findings.map((f) => `${f.level} ${f.path}: ${f.message.split('\n')[0]}`)).toEqual([]);
  });

  it('gives a reason for every cdk-nag suppression', () => {
    const suppressed: { id: string; reason: string }[] = [];
    for (const c of stack.node.findAll()) {
      if (!(c instanceof CfnResource)) continue;
      const nag = c.getMetadata('cdk_nag') as { rules_to_suppress?: { id: string; reason: string }[] } | undefined;
      suppressed.push(...(nag?.rules_to_suppress ?? []));
    }
    expect(suppressed.length).toBeGreaterThan(5);
    for (const { id, reason } of suppressed) expect(`${id}: ${reason}`).toMatch(/^AwsSolutions-\w+: .{40,}/);
  });

  it('has a VPC over 2+ zones with public, private and isolated subnets', () => {
    t.resourceCountIs('AWS::EC2::VPC', 1);
    expect(config.availabilityZones.length).toBeGreaterThanOrEqual(2);
    const subnets = Object.values(t.findResources('AWS::EC2::Subnet')) as Json[];
    expect(subnets).toHaveLength(3 * config.availabilityZones.length);
    expect(new Set(subnets.map((s) => s.Properties.AvailabilityZone))).toEqual(new Set(config.availabilityZones));
    t.resourceCountIs('AWS::EC2::FlowLog', 1);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' });
  });

  it('runs the API and the worker on Fargate from the same ECR image (tag parameter), worker off in the API', () => {
    t.hasParameter('ImageTag', { Type: 'String', Default: config.defaultImageTag });
    t.resourceCountIs('AWS::ECS::Service', 2);
    t.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
    });
    const api = container(t, 'api');
    const worker = container(t, 'worker');
    expect(api.Command).toEqual(['node', 'apps/api/dist/main.js']);
    expect(worker.Command).toEqual(['node', 'apps/api/dist/worker.js']);
    expect(JSON.stringify(api.Image)).toContain(config.imageRepositoryName);
    expect(JSON.stringify(api.Image)).toContain('"Ref":"ImageTag"');
    expect(worker.Image).toEqual(api.Image);
    expect(envOf(api)).toMatchObject({ RUN_WORKER: 'off', NODE_ENV: 'production', TRUST_PROXY: 'true', PORT: '3000' });
    expect(envOf(worker)).toMatchObject({
      CLOUDWATCH_METRICS: 'true',
      CLOUDWATCH_METRICS_NAMESPACE: metricsNamespace(env),
    });
    expect(api.PortMappings).toEqual([expect.objectContaining({ ContainerPort: 3000 })]);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      Cpu: String(config.api.cpu),
      Memory: String(config.api.memoryMiB),
    });
    t.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  it('puts the API behind an internet-facing ALB whose health check is /api/health/ready', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 3000,
      TargetType: 'ip',
      HealthCheckPath: '/api/health/ready',
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ ContainerName: 'api', ContainerPort: 3000 })],
    });
    // Only CloudFront reaches the ALB.
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourcePrefixListId: config.cloudFrontPrefixListId,
      FromPort: 80,
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('NetworkAlbSg'), 'GroupId'] },
    });
  });

  it('scales the API on CPU and ALB requests per target, the worker on queue depth, within the config', () => {
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: config.api.minTasks,
      MaxCapacity: config.api.maxTasks,
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: config.worker.minTasks,
      MaxCapacity: config.worker.maxTasks,
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: config.api.cpuTargetPercent,
      }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
        TargetValue: config.api.requestsPerTarget,
      }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: Match.objectLike({ AdjustmentType: 'ChangeInCapacity' }),
    });
    // The step alarms watch the metric the worker publishes (apps/api/src/jobs/queue-depth.publisher.ts).
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: metricsNamespace(env),
      MetricName: 'WaitingJobsTotal',
      Threshold: config.worker.waitingJobsPerTask,
    });
  });

  it('runs PostgreSQL on RDS (Multi-AZ per config, encrypted) behind an RDS Proxy with TLS', () => {
    t.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      MultiAZ: config.database.multiAz,
      StorageEncrypted: true,
      DBInstanceClass: `db.${config.database.instanceType}`,
      Port: String(config.database.port),
      DeletionProtection: config.database.deletionProtection,
    });
    t.hasResourceProperties('AWS::RDS::DBProxy', { EngineFamily: 'POSTGRESQL', RequireTLS: true });
    t.hasResourceProperties('AWS::RDS::DBProxyTargetGroup', {
      ConnectionPoolConfigurationInfo: Match.objectLike({
        MaxConnectionsPercent: config.database.proxyMaxConnectionsPercent,
      }),
    });
    // DATABASE_URL points at the proxy endpoint, never at the instance.
    const secrets = t.findResources('AWS::SecretsManager::Secret', {
      Properties: { Description: Match.stringLikeRegexp('DATABASE_URL') },
    });
    const url = JSON.stringify(Object.values(secrets)[0]);
    expect(url).toContain('Endpoint');
    expect(url).toMatch(/DataPostgresProxy\w+/);
    expect(url).toContain('sslmode=require');
  });

  it('runs Redis as a replication group with noeviction, TLS, AUTH and at-rest encryption', () => {
    t.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
      CacheParameterGroupFamily: 'redis7',
      Properties: { 'maxmemory-policy': 'noeviction' },
    });
    t.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      AuthToken: Match.anyValue(),
      CacheParameterGroupName: { Ref: Match.stringLikeRegexp('RedisParameters') },
      ReplicasPerNodeGroup: config.redis.replicas,
      MultiAZEnabled: config.redis.replicas > 0,
    });
  });

  it('keeps assets in a private S3 bucket with a lifecycle rule, used by the s3 storage driver', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            ExpirationInDays: config.assets.expireAfterDays,
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: config.assets.infrequentAccessAfterDays }],
          }),
        ],
      },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
    });
    const env = envOf(container(t, 'api'));
    expect(env).toMatchObject({ STORAGE_DRIVER: 's3', S3_REGION: config.region });
    expect(JSON.stringify(env.S3_BUCKET)).toMatch(/StorageAssets/);
  });

  it('serves the SPA and /api/* through CloudFront: no caching of /api, a year for hashed /assets', () => {
    const dist = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0] as Json;
    const cfg = dist.Properties.DistributionConfig;
    const behaviors = Object.fromEntries((cfg.CacheBehaviors as Json[]).map((b) => [b.PathPattern, b]));
    // Managed CachingDisabled policy.
    expect(behaviors['/api/*'].CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(behaviors['/api/*'].AllowedMethods).toContain('POST');
    const policies = t.findResources('AWS::CloudFront::CachePolicy');
    const assetsPolicy = policies[behaviors['/assets/*'].CachePolicyId.Ref] as Json;
    expect(assetsPolicy.Properties.CachePolicyConfig).toMatchObject({ MinTTL: 31536000, DefaultTTL: 31536000 });
    const shellPolicy = policies[cfg.DefaultCacheBehavior.CachePolicyId.Ref] as Json;
    expect(shellPolicy.Properties.CachePolicyConfig.DefaultTTL).toBe(0);
    expect(cfg.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(JSON.stringify(cfg.Origins)).toContain('ServicesAlb');
    expect(cfg.Logging).toBeDefined();
  });

  it('injects JWT, asset-URL, provider, Stripe and SMTP secrets from Secrets Manager as task secrets', () => {
    for (const name of ['api', 'worker']) {
      const c = container(t, name);
      expect(secretNames(c)).toEqual(
        expect.arrayContaining([
          'ASSET_URL_SECRET',
          'DATABASE_URL',
          'JWT_SECRET',
          'OPENAI_API_KEY',
          'REDIS_URL',
          'SMTP_URL',
          'STRIPE_SECRET_KEY',
          'STRIPE_WEBHOOK_SECRET',
        ]),
      );
      const names = Object.keys(envOf(c));
      expect(names).not.toContain('JWT_SECRET');
      expect(names).not.toContain('DATABASE_URL');
    }
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `megicai/${env}/jwt`,
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'JWT_SECRET' }),
    });
  });

  it('has alarms on 5xx rate, p99 latency, queue depth, DB CPU and Redis memory, and log groups with retention', () => {
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Json[];
    const text = alarms.map((a) => JSON.stringify(a.Properties));
    expect(text.some((a) => a.includes('HTTPCode_Target_5XX_Count') && a.includes('RequestCount'))).toBe(true);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'TargetResponseTime', ExtendedStatistic: 'p99' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'WaitingJobsTotal',
      Threshold: config.alarms.queueDepth,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'CPUUtilization', Namespace: 'AWS/RDS' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DatabaseMemoryUsagePercentage',
      Dimensions: [{ Name: 'CacheClusterId', Value: `${config.redis.replicationGroupId}-001` }],
    });
    for (const a of alarms.filter((x) => !JSON.stringify(x).includes('StepScaling'))) {
      if (a.Properties.AlarmDescription) expect(a.Properties.AlarmActions).toHaveLength(1);
    }
    for (const name of ['api', 'worker']) {
      t.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/megicai/${env}/${name}`,
        RetentionInDays: config.logRetentionDays,
      });
    }
  });

  it('guards the ALB with a WAF rate-based rule', () => {
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: Match.objectLike({ Limit: config.wafRequestsPer5Minutes }) },
        }),
      ],
    });
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { Ref: Match.stringLikeRegexp('ServicesAlb') },
    });
  });
});
