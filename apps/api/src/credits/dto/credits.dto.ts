import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_KINDS, type LedgerKind } from '@megicai/contracts';

export class CreditsSummaryDto {
  @ApiProperty({ example: 12.5, description: 'Credits, at most 3 decimals' }) balance!: number;
  @ApiProperty({ example: 5, description: 'Credits earned since 00:00 UTC (refunds excluded)' }) earnedToday!: number;
  @ApiProperty({ example: 1, description: 'Credits spent since 00:00 UTC, net of refunds' }) spentToday!: number;
  @ApiProperty({ description: "True once today's (UTC) daily reward was claimed" }) dailyRewardClaimedToday!: boolean;
  @ApiProperty({
    format: 'date-time',
    description: 'When the daily reward can next be claimed (now if available, else the next 00:00 UTC)',
  })
  nextDailyRewardAt!: string;
}

export class LedgerReferenceDto {
  @ApiProperty({ example: 'ad_session' }) type!: string;
  @ApiProperty({ example: '2b9c…' }) id!: string;
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: -0.5, description: 'Positive for a grant, negative for a spend' }) delta!: number;
  @ApiProperty({ example: 4.5 }) balanceAfter!: number;
  @ApiProperty({ enum: LEDGER_KINDS }) kind!: LedgerKind;
  @ApiProperty({ type: LedgerReferenceDto, nullable: true }) reference!: LedgerReferenceDto | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The job a tool_spend or tool_refund belongs to (GET /jobs/:id)',
  })
  jobId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DailyRewardDto {
  @ApiProperty({ example: 2 }) granted!: number;
  @ApiProperty({ example: 7 }) balance!: number;
  @ApiProperty({ example: 1, description: 'Consecutive UTC days claimed, today included' }) streak!: number;
}
