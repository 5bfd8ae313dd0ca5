import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { AdCreativeKind } from '@megicai/contracts';
import type { AdCreativeView, CreativeUpload } from '../../ads/creatives/ad-creatives.service';
import { CREATIVE_FILE_NAME } from '../../ads/creatives/creative-files';

const KINDS: AdCreativeKind[] = ['image', 'video', 'html'];
/** http(s) only: never javascript:, data: or file: from an admin form. */
const HTTP_URL: Parameters<typeof IsUrl>[0] = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
};

export class AdminAdCreativeDto implements AdCreativeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KINDS }) kind!: AdCreativeKind;
  @ApiProperty({ example: 'MegicAI Premium' }) title!: string;
  @ApiProperty({
    example: '/api/v1/ads/creatives/files/0b6c…-….png',
    description: 'Image/video: its URL (an upload: our file route; seeded ones: a data: URL). HTML: the markup.',
  })
  src!: string;
  @ApiProperty({ example: 'https://megicai.example/premium' }) clickUrl!: string;
  @ApiProperty({ example: 20, description: 'How long it shows in a chain' }) seconds!: number;
  @ApiProperty({ example: 100, minimum: 1, maximum: 1000, description: 'Relative chance of leading a chain' })
  weight!: number;
  @ApiProperty({ description: 'Disabled creatives are never served' }) enabled!: boolean;
  @ApiProperty({ description: 'Scripted HTML that reports engagement (shipped with migrations; markup fixed)' })
  interactive!: boolean;
  @ApiProperty({ description: 'The media is an uploaded file' }) uploaded!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AdminCreativeUploadDto implements CreativeUpload {
  @ApiProperty({
    example: '0b6c0f7e-2f0a-4c55-9a51-6f0e6f1f6a4b.png',
    description: 'Give it as `upload` to a creative',
  })
  upload!: string;
  @ApiProperty({ enum: ['image', 'video'] }) kind!: 'image' | 'video';
  @ApiProperty({ example: 'image/png' }) contentType!: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size!: number;
  @ApiProperty({ example: '/api/v1/ads/creatives/files/0b6c….png' }) url!: string;
}

/**
 * POST /admin/ads/creatives. The media: `url` (http(s), on a host of CSP_MEDIA_SOURCES) or `upload` (a name from
 * POST /admin/ads/creatives/uploads) for an image or a video; `html` (markup, played without scripts) for HTML.
 */
export class CreateAdCreativeDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: AdCreativeKind;

  @ApiProperty({ example: 'Spring sale', description: "The ad's link text and alt text" })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'https://megicai.example/premium', description: 'http(s) only' })
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  clickUrl!: string;

  @ApiProperty({ example: 20, minimum: 1, maximum: 300 })
  @IsInt()
  @Min(1)
  @Max(300)
  seconds!: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  weight?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ example: 'https://cdn.megicai.example/ads/spring.webp', description: 'http(s) only' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '0b6c0f7e-2f0a-4c55-9a51-6f0e6f1f6a4b.png', description: 'An upload’s name' })
  @IsOptional()
  @IsString()
  @Matches(CREATIVE_FILE_NAME, { message: 'upload must be a name returned by POST /admin/ads/creatives/uploads' })
  upload?: string;

  @ApiPropertyOptional({ description: 'Markup for an html creative (shown in a sandbox with no scripts)' })
  @IsOptional()
  @IsString()
  @Length(1, 50_000)
  html?: string;
}

/** PATCH /admin/ads/creatives/:id: any subset; the kind stays. */
export class UpdateAdCreativeDto extends PartialType(OmitType(CreateAdCreativeDto, ['kind'] as const)) {}
