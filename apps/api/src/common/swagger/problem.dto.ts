import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemCode } from '@megicai/contracts';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'https://megicai.dev/problems/validation-error' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({
    example: 'validation_failed',
    description: 'Stable snake_case code that clients branch on',
    enum: Object.values(ProblemCode),
  })
  code!: string;
  @ApiProperty({ example: 'The request has invalid fields.' }) detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/auth/register' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
