import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '@megicai/contracts';
import { RegisterDto } from './register.dto';

export class TokenDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @Length(16, 256)
  token!: string;
}

/** The address, checked and normalised exactly as at registration. */
export class ForgotPasswordDto extends PickType(RegisterDto, ['email'] as const) {}

/** The mailed token and the new password (the registration rules). */
export class ResetPasswordDto extends IntersectionType(TokenDto, PickType(RegisterDto, ['password'] as const)) {}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `newPassword must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters` })
  newPassword!: string;
}

export class DeleteAccountDto {
  @ApiProperty({ maxLength: PASSWORD_MAX, description: 'The current password, to confirm' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}
