import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Min, MinLength } from 'class-validator';
import { requireInProduction, validateConfig } from './validate-config';

/** Where generated images, audio and video go, and how their links are signed. */
export class StorageConfig {
  /** `local` writes under `dir`; `s3` uses any S3-compatible bucket (AWS, MinIO, R2…). */
  @IsIn(['local', 's3'])
  driver: 'local' | 's3' = 'local';

  @IsString()
  dir: string = './storage';

  @IsOptional()
  @IsString()
  s3Bucket?: string;

  @IsString()
  s3Region: string = 'us-east-1';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  s3Endpoint?: string;

  @IsOptional()
  @IsString()
  s3AccessKeyId?: string;

  @IsOptional()
  @IsString()
  s3SecretAccessKey?: string;

  /** HMAC secret of signed asset links. Set it in production; the default is for development only. */
  @IsString()
  @MinLength(16)
  urlSecret: string = 'megicai-dev-asset-url-secret';

  /** Lifetime of a signed asset link, seconds. */
  @IsInt()
  @Min(10)
  urlTtlSeconds: number = 3600;
}

export const storageConfig = registerAs('storage', () => {
  requireInProduction(['ASSET_URL_SECRET']);
  return validateConfig('storage', StorageConfig, {
    driver: process.env.STORAGE_DRIVER ?? (process.env.S3_BUCKET ? 's3' : undefined),
    dir: process.env.STORAGE_DIR,
    s3Bucket: process.env.S3_BUCKET,
    s3Region: process.env.S3_REGION,
    s3Endpoint: process.env.S3_ENDPOINT,
    s3AccessKeyId: process.env.S3_ACCESS_KEY_ID,
    s3SecretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
    urlSecret: process.env.ASSET_URL_SECRET,
    urlTtlSeconds: process.env.ASSET_URL_TTL_SECONDS,
  });
});
