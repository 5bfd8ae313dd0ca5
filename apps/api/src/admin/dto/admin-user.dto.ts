import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Role } from '@megicai/contracts';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

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
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
