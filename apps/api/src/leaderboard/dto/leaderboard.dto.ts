import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  LEADERBOARD_BOARDS,
  LEADERBOARD_PERIODS,
  type LeaderboardBoard,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardView,
} from '@megicai/contracts';

export class LeaderboardQueryDto {
  @ApiProperty({
    enum: LEADERBOARD_PERIODS,
    default: 'week',
    required: false,
    description: 'Rolling 7 or 30 days, or all time',
  })
  @IsOptional()
  @IsIn(LEADERBOARD_PERIODS)
  period: LeaderboardPeriod = 'week';

  @ApiProperty({ enum: LEADERBOARD_BOARDS, default: 'referrers', required: false })
  @IsOptional()
  @IsIn(LEADERBOARD_BOARDS)
  board: LeaderboardBoard = 'referrers';

  @ApiProperty({ minimum: 1, maximum: 100, default: 20, required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class LeaderboardEntryDto implements LeaderboardEntry {
  @ApiProperty({ example: 1, description: 'Equal values share a rank (1, 2, 2, 4)' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Ada' }) displayName!: string;
  @ApiProperty({
    example: 12,
    description: 'referrers: accounts registered with the code in the period; creators: credits earned (decimal)',
  })
  value!: number;
}

export class LeaderboardDto implements LeaderboardView {
  @ApiProperty({ enum: LEADERBOARD_PERIODS }) period!: LeaderboardPeriod;
  @ApiProperty({ enum: LEADERBOARD_BOARDS }) board!: LeaderboardBoard;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Start of the window' })
  since!: string | null;
  @ApiProperty({ type: [LeaderboardEntryDto] }) entries!: LeaderboardEntryDto[];
}
