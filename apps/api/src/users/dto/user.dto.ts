import { ApiProperty } from '@nestjs/swagger';
import type { Role, UserView } from '@megicai/contracts';
import { toCredits } from '@megicai/contracts';
import type { UserProfile } from '../users.service';

export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ description: 'The owner proved the address by following the mailed link' })
  emailVerified!: boolean;
  @ApiProperty({ example: 'Ada' }) displayName!: string;
  @ApiProperty({ enum: ['user', 'admin'] }) role!: Role;
  @ApiProperty({ example: 5, description: 'Credits, at most 3 decimals' }) balance!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) premiumUntil!: string | null;
  @ApiProperty({ example: 'K7M2Q9XA' }) referralCode!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(user: UserProfile, balanceMilli: number): UserDto {
    return {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerified,
      displayName: user.displayName,
      role: user.role,
      balance: toCredits(balanceMilli),
      premiumUntil: user.premiumUntil ? user.premiumUntil.toISOString() : null,
      referralCode: user.referralCode,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
