import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login, register or the previous refresh' })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  refreshToken!: string;
}
