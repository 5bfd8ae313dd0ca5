import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class TokenPairDto {
  @ApiProperty({ description: 'JWT, valid for 15 minutes' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; single use, rotated by /auth/refresh' }) refreshToken!: string;
}

export class AuthResponseDto extends TokenPairDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
}
