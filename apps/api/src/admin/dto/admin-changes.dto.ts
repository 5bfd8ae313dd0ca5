import { IsWholeMilli } from '../../common/validation/whole-milli.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  NotEquals,
  IsUUID,
} from 'class-validator';
import { AD_TIERS, type AdTier, type Role } from '@megicai/contracts';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class AdminUserPatchDto {
  @ApiPropertyOptional({ enum: ['user', 'admin'] })
  @IsOptional()
  @IsIn(['user', 'admin'])
  role?: Role;

  @ApiPropertyOptional({ description: 'A banned user cannot log in; their refresh tokens are revoked' })
  @IsOptional()
  @IsBoolean()
  banned?: boolean;
}

export class AdminCreditAdjustmentDto {
  @ApiProperty({ example: 10, description: 'Credits (at most 3 decimals); negative takes credits, never below zero' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsWholeMilli()
  @NotEquals(0)
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;

  @ApiProperty({ example: 'Compensation for a failed run', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class AdminCreditAdjustmentResultDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ example: 10 }) delta!: number;
  @ApiProperty({ example: 15 }) balance!: number;
}

export class AdTierSettingsDto {
  @ApiProperty({ enum: AD_TIERS }) tier!: AdTier;
  @ApiProperty({ example: 60 }) seconds!: number;
  @ApiProperty({ example: 5 }) credits!: number;
  @ApiProperty({ example: 20 }) dailyCap!: number;
}

export class AdTierPatchDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 3600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  seconds?: number;

  @ApiPropertyOptional({ minimum: 0.001, maximum: 1000, description: 'Credits, at most 3 decimals' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsWholeMilli()
  @Min(0.001)
  @Max(1000)
  credits?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  dailyCap?: number;
}

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only changes to this object (e.g. a user id or a tier)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  targetId?: string;

  @ApiPropertyOptional({ example: 'user.credits.adjust' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes made by this admin' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ description: 'Alias of targetId: only changes to this object' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  object?: string;
}

export class AuditLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ example: 'user.credits.adjust' }) action!: string;
  @ApiProperty({ example: 'user' }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
