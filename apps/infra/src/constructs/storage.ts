import { Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { APP_SECRETS, EnvironmentConfig } from '../config';

export type SecretGroup = keyof typeof APP_SECRETS;

/**
 * Buckets (generated assets for the S3 storage driver; access logs of the ALB, CloudFront and the assets bucket)
 * and the application secrets, one Secrets Manager secret per group of `APP_SECRETS`, each a JSON object whose
 * keys are the environment variable names the tasks receive.
 */
export class StorageAndSecrets extends Construct {
  readonly assets: s3.Bucket;
  readonly logs: s3.Bucket;
  readonly secrets: Record<SecretGroup, secretsmanager.Secret>;

  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id);
    const keep = config.name === 'production';
    this.logs = new s3.Bucket(this, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(config.logRetentionDays) }],
      removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !keep,
    });
    this.assets = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'assets/',
      lifecycleRules: [
        {
          id: 'generated-assets',
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(config.assets.infrequentAccessAfterDays),
            },
          ],
          expiration: Duration.days(config.assets.expireAfterDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !keep,
    });

    const generated = (key: string) => ({
      generateSecretString: {
        secretStringTemplate: '{}',
        generateStringKey: key,
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    const empty = (keys: readonly string[]) => ({
      generateSecretString: {
        // Every key must exist (ECS refuses a missing one); empty values leave the feature off until filled in.
        secretStringTemplate: JSON.stringify(Object.fromEntries(keys.slice(1).map((k) => [k, '']))),
        generateStringKey: keys[0],
        passwordLength: 32,
        excludePunctuation: true,
      },
    });
    const placeholders = (keys: readonly string[]) => ({
      secretObjectValue: Object.fromEntries(keys.map((k) => [k, SecretValue.unsafePlainText('')])),
    });
    const make = (group: SecretGroup, props: object) =>
      new secretsmanager.Secret(this, `Secret-${group}`, {
        secretName: `megicai/${config.name}/${group}`,
        description: `MegicAI ${config.name}: ${APP_SECRETS[group].join(', ')}`,
        ...props,
      });
    this.secrets = {
      jwt: make('jwt', generated('JWT_SECRET')),
      assetUrl: make('assetUrl', generated('ASSET_URL_SECRET')),
      providers: make('providers', placeholders(APP_SECRETS.providers)),
      payments: make('payments', empty(APP_SECRETS.payments)),
      mail: make('mail', placeholders(APP_SECRETS.mail)),
      ads: make('ads', generated('ADS_HMAC_SECRET')),
    };
  }
}
