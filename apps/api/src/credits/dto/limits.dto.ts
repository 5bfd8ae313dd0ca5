import { ApiProperty } from '@nestjs/swagger';
import type { SpendLimitsUpdate, SpendLimitsView } from '@megicai/contracts';
import { NullableCredits } from '../../common/validation/nullable-credits.decorator';

export class UpdateSpendLimitsDto implements SpendLimitsUpdate {
  @NullableCredits('Most credits runs may spend per UTC day; null = no cap; omitted = unchanged')
  dailyCreditCap?: number | null;

  @NullableCredits('Most credits runs may spend per UTC month; null = no cap; omitted = unchanged')
  monthlyCreditCap?: number | null;

  @NullableCredits('Flag (and later notify) when the balance falls below this; null = no alert; omitted = unchanged')
  lowBalanceAlert?: number | null;
}

export class SpendLimitsDto implements SpendLimitsView {
  @ApiProperty({ type: Number, nullable: true, example: 20 }) dailyCreditCap!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 300 }) monthlyCreditCap!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) lowBalanceAlert!: number | null;
  @ApiProperty({ example: 3.5, description: 'Credits spent on runs since 00:00 UTC, net of refunds' })
  spentToday!: number;
  @ApiProperty({ example: 41, description: 'Credits spent on runs since the 1st of the month (UTC), net of refunds' })
  spentThisMonth!: number;
  @ApiProperty({ example: 12.5 }) balance!: number;
  @ApiProperty({ description: 'true when the balance is below lowBalanceAlert' }) lowBalance!: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the daily cap starts over' }) dailyResetsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the monthly cap starts over' }) monthlyResetsAt!: string;
}

export class ToolAlternativeDto {
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty({ example: 'Quick chat' }) name!: string;
  @ApiProperty({ example: 0.5, description: 'Credits one run costs now' }) cost!: number;
}
