import { ApiProperty } from '@nestjs/swagger';

export class ReferralsDto {
  @ApiProperty({ example: 'K7M2Q9XA' }) code!: string;
  @ApiProperty({ example: 'https://megicai.example/register?ref=K7M2Q9XA' }) link!: string;
  @ApiProperty({ example: 3, description: 'Accounts registered with the code' }) invited!: number;
  @ApiProperty({ example: 20, description: 'Credits earned from referral bonuses' }) bonusEarned!: number;
}
