import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Role } from '@megicai/contracts';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { LedgerEntryDto } from '../../credits/dto/credits.dto';
import { JobDto } from '../../jobs/dto/job.dto';

export class AdminUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of an email or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['user', 'admin'] }) role!: Role;
  @ApiProperty() banned!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) premiumUntil!: string | null;
  @ApiProperty() referralCode!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 12.5, description: 'Current balance in credits' }) balance!: number;
}

export class AdminUserDetailDto extends AdminUserDto {
  @ApiProperty({ type: [LedgerEntryDto], description: 'The 20 most recent ledger entries, newest first' })
  ledger!: LedgerEntryDto[];
  @ApiProperty({ type: [JobDto], description: 'The 20 most recent jobs, newest first' }) jobs!: JobDto[];
  @ApiProperty({ example: 3, description: 'Prompt templates created (any status, not deleted)' })
  templatesCount!: number;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
