import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MegicaiRunDto } from './chat-completion.dto';

/* OpenAI's wire format is snake_case. */

/** OpenAI's `POST /images/generations` request. */
export class ImageGenerationRequestDto {
  @ApiProperty({ example: 'image', description: "An image tool's slug (see GET /models)" })
  @IsString()
  @MaxLength(64)
  model!: string;

  @ApiProperty({ example: 'A lighthouse at dusk, watercolour' })
  @IsString()
  @MaxLength(4000)
  prompt!: string;

  @ApiPropertyOptional({ example: '512x512', description: "One of the tool's sizes" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  size?: string;

  @ApiPropertyOptional({ enum: [1], description: 'One image per request' })
  @IsOptional()
  @IsIn([1])
  n?: number;

  @ApiPropertyOptional({ enum: ['url'] })
  @IsOptional()
  @IsIn(['url'])
  response_format?: 'url';

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  quality?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  style?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;
}

export class GeneratedImageDto {
  @ApiProperty({ description: 'Signed, expiring link to the image' }) url!: string;
}

export class ImagesResponseDto {
  @ApiProperty({ description: 'Unix seconds' }) created!: number;
  @ApiProperty({ type: [GeneratedImageDto] }) data!: GeneratedImageDto[];
  @ApiProperty({ type: MegicaiRunDto }) megicai!: MegicaiRunDto;
}
