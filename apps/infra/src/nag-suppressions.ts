import { NagPackSuppression, NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { MegicAiStack } from './megicai-stack';

/**
 * Every cdk-nag AwsSolutions finding this stack accepts, each with its reason. Anything not listed here fails
 * `nx run infra:test` (apps/infra/test/nag.spec.ts). Prefer fixing the resource over adding a line.
 */
export function suppressReviewedFindings(stack: MegicAiStack): void {
  const { config } = stack;
  const on = (construct: IConstruct, suppressions: NagPackSuppression[], children = true) =>
    NagSuppressions.addResourceSuppressions(construct, suppressions, children);
  const { services, data, storage, cdn } = stack;

  for (const definition of [services.api.taskDefinition, services.worker.taskDefinition]) {
    on(definition, [
      {
        id: 'AwsSolutions-ECS2',
        reason:
          'Only non-secret settings (NODE_ENV, PORT, bucket name…) are plain variables; every secret is an ECS secret from Secrets Manager.',
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The S3 storage driver reads and writes objects under generated keys: GetObject/PutObject on the assets bucket objects only.',
        appliesTo: [`Resource::<${stack.getLogicalId(storage.assets.node.defaultChild as never)}.Arn>/*`],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'CDK\'s execution role: ecr:GetAuthorizationToken has no resource-level permission (it must be "*").',
        appliesTo: ['Resource::*'],
      },
    ]);
  }

  on(data.database, [
    {
      id: 'AwsSolutions-IAM4',
      reason:
        'Enhanced monitoring needs the AWS managed AmazonRDSEnhancedMonitoringRole policy (AWS maintains its permissions).',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole'],
    },
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The master password is part of the DATABASE_URL secret the tasks read; it is rotated by the documented procedure (apps/infra/README.md, "Rotate secrets"), not by a rotation Lambda that would leave DATABASE_URL stale.',
    },
  ]);
  on(data.databaseUrl, [
    {
      id: 'AwsSolutions-SMG4',
      reason: 'Derived from the master secret by CloudFormation; rotated with it (README, "Rotate secrets").',
    },
  ]);
  for (const secret of [data.redisUrl, data.node.findChild('RedisAuth')]) {
    on(secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'ElastiCache AUTH tokens rotate with modify-replication-group (ROTATE then SET), which a Secrets Manager rotation Lambda cannot coordinate with REDIS_URL; README, "Rotate secrets".',
      },
    ]);
  }
  for (const secret of Object.values(storage.secrets)) {
    on(secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Application secrets (JWT, signed asset links, provider, Stripe, SMTP keys) are issued by third parties or invalidate sessions when changed: rotated by the documented procedure (README, "Rotate secrets") followed by a rolling deploy.',
      },
    ]);
  }

  on(cdn.distribution, [
    {
      id: 'AwsSolutions-CFR1',
      reason: 'A worldwide consumer product: no country is excluded (add geoRestriction here if a market must be).',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason:
        "The WAF rate rule sits on the ALB (a regional web ACL in the stack's region); a CLOUDFRONT-scope ACL would have to live in us-east-1, in another stack.",
    },
    {
      id: 'AwsSolutions-CFR5',
      reason:
        "Without a custom domain the ALB has no certificate, so CloudFront reaches it over HTTP (only CloudFront's origin-facing prefix list may connect); with a domain, add an HTTPS listener and make the origin HTTPS_ONLY.",
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; with a domain, set a certificate and TLSv1.2_2021.',
    },
  ]);

  // CDK's log-retention helper (RDS log exports): a Lambda the framework provides.
  const logRetention = stack.node.children.find((c) => c.node.id.startsWith('LogRetention'));
  if (logRetention) {
    on(logRetention, [
      {
        id: 'AwsSolutions-IAM4',
        reason: "CDK's log-retention helper Lambda uses AWSLambdaBasicExecutionRole to write its own logs.",
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: "CDK's log-retention helper sets the retention of log groups RDS creates by name at run time.",
        appliesTo: ['Resource::*'],
      },
    ]);
  }

  if (!config.database.multiAz) {
    on(data.database, [
      {
        id: 'AwsSolutions-RDS3',
        reason: `${config.name}: a single-AZ instance by choice (cost); production is Multi-AZ (src/config.ts).`,
      },
    ]);
  }
  if (!config.database.deletionProtection) {
    on(data.database, [
      {
        id: 'AwsSolutions-RDS10',
        reason: `${config.name}: a disposable environment that must be deletable; production has deletion protection.`,
      },
    ]);
  }
  if (config.redis.replicas === 0) {
    on(data.redis, [
      {
        id: 'AwsSolutions-AEC4',
        reason: `${config.name}: one Redis node by choice (cost); production has a replica in another AZ with automatic failover.`,
      },
    ]);
  }
}
