import { Duration, Fn, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import type { Network } from './network';

const DB_NAME = 'megicai';
const DB_USER = 'megicai';
/** RDS Proxy always listens on the engine's default port, whatever the instance's own port is. */
export const PROXY_PORT = 5432;

/**
 * PostgreSQL (RDS, Multi-AZ when the config says so) behind RDS Proxy, and Redis (an ElastiCache replication group,
 * noeviction, TLS and AUTH). The API reads one DATABASE_URL and one REDIS_URL, so each is also kept as a secret of
 * its own, assembled by CloudFormation from the generated password (a dynamic reference: never in the template).
 */
export class DataStores extends Construct {
  readonly database: rds.DatabaseInstance;
  readonly proxy: rds.DatabaseProxy;
  readonly databaseUrl: secretsmanager.Secret;
  readonly redis: elasticache.CfnReplicationGroup;
  readonly redisParameters: elasticache.CfnParameterGroup;
  readonly redisUrl: secretsmanager.Secret;

  constructor(scope: Construct, id: string, config: EnvironmentConfig, network: Network) {
    super(scope, id);
    const db = config.database;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    const parameterGroup = new rds.ParameterGroup(this, 'DbParameters', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
      parameters: { 'rds.force_ssl': '1', log_min_duration_statement: '500' },
    });
    this.database = new rds.DatabaseInstance(this, 'Postgres', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
      instanceType: new ec2.InstanceType(db.instanceType),
      vpc: network.vpc,
      vpcSubnets: isolated,
      securityGroups: [network.dbSg],
      multiAz: db.multiAz,
      port: db.port,
      databaseName: DB_NAME,
      credentials: rds.Credentials.fromGeneratedSecret(DB_USER, {
        excludeCharacters: ' %+~`#$&*()|[]{}:;<>?!\'/@"\\=,',
      }),
      allocatedStorage: db.allocatedStorageGiB,
      maxAllocatedStorage: db.maxAllocatedStorageGiB,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      backupRetention: Duration.days(db.backupRetentionDays),
      deletionProtection: db.deletionProtection,
      removalPolicy: db.deletionProtection ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
      parameterGroup,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: config.logRetentionDays as logs.RetentionDays,
      enablePerformanceInsights: true,
      monitoringInterval: Duration.seconds(60),
      autoMinorVersionUpgrade: true,
    });

    // Many tasks × DATABASE_POOL_SIZE client connections, multiplexed onto a bounded share of max_connections.
    this.proxy = this.database.addProxy('Proxy', {
      secrets: [this.database.secret!],
      vpc: network.vpc,
      vpcSubnets: isolated,
      securityGroups: [network.proxySg],
      requireTLS: true,
      maxConnectionsPercent: db.proxyMaxConnectionsPercent,
      maxIdleConnectionsPercent: Math.floor(db.proxyMaxConnectionsPercent / 2),
      // The migration advisory lock pins a session; anything longer than this is a stuck client.
      borrowTimeout: Duration.seconds(30),
    });
    const password = this.database.secret!.secretValueFromJson('password').unsafeUnwrap();
    this.databaseUrl = new secretsmanager.Secret(this, 'DatabaseUrl', {
      description: 'DATABASE_URL of the API and worker tasks (through RDS Proxy, TLS)',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          `postgres://${DB_USER}:`,
          password,
          '@',
          this.proxy.endpoint,
          `:${PROXY_PORT}/${DB_NAME}?sslmode=require`,
        ]),
      ),
    });

    const redis = config.redis;
    const subnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'MegicAI Redis (isolated subnets)',
      subnetIds: network.vpc.selectSubnets(isolated).subnetIds,
    });
    // BullMQ and the rate limits must never lose a key: noeviction (the app refuses to run otherwise).
    this.redisParameters = new elasticache.CfnParameterGroup(this, 'RedisParameters', {
      cacheParameterGroupFamily: 'redis7',
      description: 'MegicAI: noeviction (BullMQ)',
      properties: { 'maxmemory-policy': 'noeviction' },
    });
    const authToken = new secretsmanager.Secret(this, 'RedisAuth', {
      description: 'Redis AUTH token',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const redisLogs = new logs.LogGroup(this, 'RedisSlowLog', {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupId: redis.replicationGroupId,
      replicationGroupDescription: `MegicAI ${config.name}: queues, rate limits, cache`,
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: redis.nodeType,
      numNodeGroups: 1,
      replicasPerNodeGroup: redis.replicas,
      automaticFailoverEnabled: redis.replicas > 0,
      multiAzEnabled: redis.replicas > 0,
      port: redis.port,
      cacheParameterGroupName: this.redisParameters.ref,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [network.redisSg.securityGroupId],
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: authToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: redis.snapshotRetentionDays,
      logDeliveryConfigurations: [
        {
          destinationType: 'cloudwatch-logs',
          destinationDetails: { cloudWatchLogsDetails: { logGroup: redisLogs.logGroupName } },
          logFormat: 'json',
          logType: 'slow-log',
        },
      ],
    });
    this.redis.addResourceDependency(subnets);
    this.redisUrl = new secretsmanager.Secret(this, 'RedisUrl', {
      description: 'REDIS_URL of the API and worker tasks (TLS, AUTH)',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'rediss://:',
          authToken.secretValue.unsafeUnwrap(),
          '@',
          this.redis.attrPrimaryEndPointAddress,
          ':',
          this.redis.attrPrimaryEndPointPort,
        ]),
      ),
    });
  }

  /** ElastiCache metrics are per node: the primary of a fresh group is `<id>-001`. */
  get redisPrimaryNodeId(): string {
    return `${this.redis.replicationGroupId}-001`;
  }
}
