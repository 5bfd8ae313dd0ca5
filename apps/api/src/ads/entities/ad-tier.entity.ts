import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AdTier } from '@megicai/contracts';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';

/** What a tier takes and pays; admins edit it, sessions copy it when they start. */
@Entity('ad_tiers')
export class AdTierSetting {
  @PrimaryColumn({ type: 'varchar' }) tier!: AdTier;
  @Column('int') seconds!: number;
  /** Milli-credits. */
  @Column({ type: 'bigint', transformer: bigintMilli }) credits!: number;
  @Column('int') dailyCap!: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
