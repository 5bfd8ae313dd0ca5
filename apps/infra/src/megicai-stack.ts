import { CfnOutput, CfnParameter, Stack, StackProps, Tags, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './config';
import { Cdn } from './constructs/cdn';
import { DataStores } from './constructs/data';
import { Monitoring } from './constructs/monitoring';
import { Network } from './constructs/network';
import { Services } from './constructs/services';
import { StorageAndSecrets } from './constructs/storage';
import { suppressReviewedFindings } from './nag-suppressions';

export interface MegicAiStackProps extends StackProps {
  config: EnvironmentConfig;
}

/** One environment of MegicAI: network, data stores, buckets and secrets, ECS services, CDN, alarms. */
export class MegicAiStack extends Stack {
  readonly network: Network;
  readonly data: DataStores;
  readonly storage: StorageAndSecrets;
  readonly services: Services;
  readonly cdn: Cdn;
  readonly monitoring: Monitoring;
  readonly config: EnvironmentConfig;

  constructor(scope: Construct, id: string, props: MegicAiStackProps) {
    const { config } = props;
    super(scope, id, { ...props, env: { account: config.account, region: config.region } });
    this.config = config;
    Tags.of(this).add('project', 'megicai');
    Tags.of(this).add('environment', config.name);

    // The image is built and pushed by CI (README); the tag is a parameter, so synth needs no Docker.
    const imageTag = new CfnParameter(this, 'ImageTag', {
      type: 'String',
      default: config.defaultImageTag,
      description: 'Tag of the megicai-api image in ECR to run (API and worker)',
    });

    this.network = new Network(this, 'Network', config);
    this.storage = new StorageAndSecrets(this, 'Storage', config);
    this.data = new DataStores(this, 'Data', config, this.network);
    // PUBLIC_URL is known before the distribution exists only when a domain is configured; otherwise the ALB's
    // CloudFront address is filled in after the first deploy (README: set publicUrl).
    this.services = new Services(this, 'Services', {
      config,
      network: this.network,
      data: this.data,
      storage: this.storage,
      imageTag: imageTag.valueAsString,
      publicUrl: config.publicUrl ?? 'http://localhost:3000',
    });
    this.cdn = new Cdn(this, 'Cdn', config, this.services.alb, this.storage.logs);
    this.monitoring = new Monitoring(this, 'Monitoring', config, this.services, this.data);

    new CfnOutput(this, 'Url', { value: `https://${this.cdn.distribution.distributionDomainName}` });
    new CfnOutput(this, 'ClusterName', { value: this.services.cluster.clusterName });
    new CfnOutput(this, 'ApiServiceName', { value: this.services.api.serviceName });
    new CfnOutput(this, 'WorkerServiceName', { value: this.services.worker.serviceName });
    new CfnOutput(this, 'ApiTaskDefinition', { value: this.services.api.taskDefinition.family });
    new CfnOutput(this, 'AppSubnets', {
      value: this.network.vpc.privateSubnets.map((s) => s.subnetId).join(','),
    });
    new CfnOutput(this, 'ApiSecurityGroup', { value: this.network.apiSg.securityGroupId });
    new CfnOutput(this, 'AssetsBucket', { value: this.storage.assets.bucketName });

    suppressReviewedFindings(this);
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'Zones are named in src/config.ts on purpose: synth makes no AWS call to look them up.',
    });
  }

  /** The zones come from the config: without this override a concrete env makes CDK look them up (AWS calls). */
  override get availabilityZones(): string[] {
    return this.config.availabilityZones;
  }
}
