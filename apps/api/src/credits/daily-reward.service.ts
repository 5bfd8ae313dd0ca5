import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type DailyRewardResult, MILLI_PER_CREDIT, toCredits } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { CreditsException } from './credits.exception';
import { creditsConfig } from '../config/credits.config';
import { DuplicateMovementError } from './credits.errors';
import { CreditsService } from './credits.service';

/**
 * Once per UTC day (the ledger's unique reference `day:YYYY-MM-DD` guarantees it), growing with the streak of
 * consecutive days up to a cap.
 */
@Injectable()
export class DailyRewardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credits: CreditsService,
    @Inject(creditsConfig.KEY) private readonly cfg: ConfigType<typeof creditsConfig>,
  ) {}

  /** The reward on day `streak` of a streak, in milli-credits. */
  amountFor(streak: number): number {
    const credits = Math.min(
      this.cfg.dailyRewardCredits + this.cfg.dailyRewardStepCredits * (streak - 1),
      this.cfg.dailyRewardMaxCredits,
    );
    return Math.max(credits, 1) * MILLI_PER_CREDIT;
  }

  async claim(userId: string): Promise<DailyRewardResult> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [day]: { today: string; streak: number | null }[] = await m.query(
          `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS today,
                  (SELECT CASE WHEN last_day = (now() AT TIME ZONE 'UTC')::date THEN 0
                               WHEN last_day = (now() AT TIME ZONE 'UTC')::date - 1 THEN streak + 1
                               ELSE 1 END
                     FROM daily_reward_streaks WHERE user_id = $1 FOR UPDATE) AS streak`,
          [userId],
        );
        if (day.streak === 0) throw new DuplicateMovementError('daily_reward', 'day', day.today);
        const streak = day.streak ?? 1;
        const amount = this.amountFor(streak);
        const { balance } = await this.credits.grant(
          { userId, amount, kind: 'daily_reward', reference: { type: 'day', id: day.today }, note: `streak ${streak}` },
          m,
        );
        await m.query(
          `INSERT INTO daily_reward_streaks (user_id, last_day, streak) VALUES ($1, $2::date, $3)
           ON CONFLICT (user_id) DO UPDATE SET last_day = EXCLUDED.last_day, streak = EXCLUDED.streak`,
          [userId, day.today, streak],
        );
        return { granted: toCredits(amount), balance: toCredits(balance), streak };
      });
    } catch (error) {
      if (error instanceof DuplicateMovementError) {
        throw new CreditsException(
          ProblemCode.AlreadyClaimed,
          "Today's daily reward was already claimed. Come back after midnight UTC.",
          {
            extensions: {
              nextClaimAt: nextUtcMidnight().toISOString(),
            },
          },
        );
      }
      throw error;
    }
  }
}

function nextUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}
