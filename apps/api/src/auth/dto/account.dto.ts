import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '@megicai/contracts';

const PASSWORD_RULE = `password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`;

export class TokenDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @Length(16, 256)
  token!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'The new password' })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: PASSWORD_RULE })
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: PASSWORD_RULE })
  newPassword!: string;
}

export class DeleteAccountDto {
  @ApiProperty({ maxLength: PASSWORD_MAX, description: 'The current password, to confirm' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}
