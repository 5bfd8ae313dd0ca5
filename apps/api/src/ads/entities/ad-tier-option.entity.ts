import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AdTier } from '@megicai/contracts';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';

/** An extra duration of a tier (beside its standard `ad_tiers.seconds`), paying more per minute when longer. */
@Entity('ad_tier_options')
export class AdTierOptionRecord {
  @PrimaryColumn({ type: 'varchar' }) tier!: AdTier;
  @PrimaryColumn('int') seconds!: number;
  /** Milli-credits. */
  @Column({ type: 'bigint', transformer: bigintMilli }) credits!: number;
}
