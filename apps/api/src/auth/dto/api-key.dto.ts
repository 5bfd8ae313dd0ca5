import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope, type ApiKeyView, type CreateApiKeyRequest } from '@megicai/contracts';
import { NullableCredits } from '../../common/validation/nullable-credits.decorator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'My integration', maxLength: 80 })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiPropertyOptional({ enum: API_KEY_SCOPES, isArray: true, description: 'Defaults to every scope' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes?: ApiKeyScope[];

  @NullableCredits('Most credits runs made with this key may spend per UTC day, besides the owner’s caps; null = none')
  dailyCreditCap?: number | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Shown once; only a hash is stored', example: 'mgk_ab12cd34_…' }) key!: string;
}

export class ApiKeyDto implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'mgk_ab12cd34' }) prefix!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 10 }) dailyCreditCap!: number | null;
  @ApiProperty({ example: 1.5, description: 'Credits spent today (UTC) by runs made with this key, net of refunds' })
  spentToday!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
