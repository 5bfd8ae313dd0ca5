import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { PROXY_PORT } from './data';

/**
 * VPC over the configured zones: public subnets (ALB, NAT), private subnets with egress (tasks: providers are on the
 * internet), isolated subnets (database, Redis: no route out). One security group per tier, opened tier to tier.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly albSg: ec2.SecurityGroup;
  readonly apiSg: ec2.SecurityGroup;
  readonly workerSg: ec2.SecurityGroup;
  readonly dbSg: ec2.SecurityGroup;
  readonly proxySg: ec2.SecurityGroup;
  readonly redisSg: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id);
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(config.vpcCidr),
      availabilityZones: config.availabilityZones,
      natGateways: config.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: { all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) } },
      // Generated media goes to S3 from the tasks: through a (free) gateway endpoint, not the NAT's per-GB charge.
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });

    const sg = (name: string, description: string) =>
      new ec2.SecurityGroup(this, name, { vpc: this.vpc, description, allowAllOutbound: true });
    this.albSg = sg('AlbSg', 'ALB: HTTP from CloudFront only');
    this.apiSg = sg('ApiSg', 'API tasks: from the ALB only');
    this.workerSg = sg('WorkerSg', 'Worker tasks: no inbound');
    this.proxySg = sg('ProxySg', 'RDS Proxy: from API and worker tasks');
    this.dbSg = sg('DbSg', 'PostgreSQL: from the RDS Proxy only');
    this.redisSg = sg('RedisSg', 'Redis: from API and worker tasks');

    // Only CloudFront's origin-facing addresses reach the ALB (the prefix list id comes from the config: no lookup).
    this.albSg.addIngressRule(
      ec2.Peer.prefixList(config.cloudFrontPrefixListId),
      ec2.Port.tcp(80),
      'CloudFront origin-facing',
    );
    this.apiSg.addIngressRule(this.albSg, ec2.Port.tcp(3000), 'ALB to API');
    for (const tasks of [this.apiSg, this.workerSg]) {
      this.proxySg.addIngressRule(tasks, ec2.Port.tcp(PROXY_PORT), 'tasks to RDS Proxy');
      this.redisSg.addIngressRule(tasks, ec2.Port.tcp(config.redis.port), 'tasks to Redis');
    }
    this.dbSg.addIngressRule(this.proxySg, ec2.Port.tcp(config.database.port), 'RDS Proxy to PostgreSQL');
  }
}
