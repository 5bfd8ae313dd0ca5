import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type SpendLimitsView, toCredits } from '@megicai/contracts';
import { CreditsService } from './credits.service';
import { nextUtcDay, nextUtcMonth, SPENT_THIS_MONTH, SPENT_TODAY, TODAY } from './spend-caps.sql';

/** The user's caps and alert level in milli-credits; null = none, undefined = leave as it is. */
export interface LimitsPatch {
  dailyCap?: number | null;
  monthlyCap?: number | null;
  lowBalanceAlert?: number | null;
}

const COLUMNS: Record<keyof LimitsPatch, string> = {
  dailyCap: 'daily_cap',
  monthlyCap: 'monthly_cap',
  lowBalanceAlert: 'low_balance_alert',
};

interface LimitsRow {
  balance: string;
  daily_cap: string | null;
  monthly_cap: string | null;
  low_balance_alert: string | null;
  spent_today: string;
  spent_this_month: string;
}

const credits = (value: string | null) => (value === null ? null : toCredits(value));

/**
 * The user's spending caps and low-balance alert (stored on the account row, where the hold checks them) and what runs
 * spent against them. Never moves credits.
 */
@Injectable()
export class SpendLimitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creditsService: CreditsService,
  ) {}

  async get(userId: string): Promise<SpendLimitsView> {
    const rows: LimitsRow[] = await this.dataSource.query(
      `SELECT balance, daily_cap, monthly_cap, low_balance_alert,
              ${SPENT_TODAY} AS spent_today, ${SPENT_THIS_MONTH} AS spent_this_month
         FROM credit_accounts WHERE user_id = $1`,
      [userId],
    );
    const row = rows[0] ?? {
      balance: '0',
      daily_cap: null,
      monthly_cap: null,
      low_balance_alert: null,
      spent_today: '0',
      spent_this_month: '0',
    };
    return {
      dailyCreditCap: credits(row.daily_cap),
      monthlyCreditCap: credits(row.monthly_cap),
      lowBalanceAlert: credits(row.low_balance_alert),
      spentToday: toCredits(row.spent_today),
      spentThisMonth: toCredits(row.spent_this_month),
      balance: toCredits(row.balance),
      lowBalance: row.low_balance_alert !== null && Number(row.balance) < Number(row.low_balance_alert),
      dailyResetsAt: nextUtcDay().toISOString(),
      monthlyResetsAt: nextUtcMonth().toISOString(),
    };
  }

  async set(userId: string, patch: LimitsPatch): Promise<SpendLimitsView> {
    const entries = (Object.keys(COLUMNS) as (keyof LimitsPatch)[]).filter((k) => patch[k] !== undefined);
    if (entries.length) {
      await this.creditsService.openAccount(userId);
      await this.dataSource.query(
        `UPDATE credit_accounts SET ${entries.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')}, updated_at = now()
          WHERE user_id = $1`,
        [userId, ...entries.map((k) => patch[k])],
      );
    }
    return this.get(userId);
  }

  /** Milli-credits spent today (UTC) by runs made with each key, net of refunds; keys without runs are absent. */
  async spentTodayByKey(apiKeyIds: string[]): Promise<Map<string, number>> {
    if (!apiKeyIds.length) return new Map();
    const rows: { api_key_id: string; spent: string }[] = await this.dataSource.query(
      `SELECT api_key_id, spent FROM credit_key_spend WHERE api_key_id = ANY($1::uuid[]) AND day = ${TODAY}`,
      [apiKeyIds],
    );
    return new Map(rows.map((r) => [r.api_key_id, Number(r.spent)]));
  }
}
