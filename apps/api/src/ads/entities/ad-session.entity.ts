import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AdCreative, AdNetworkId, AdTier } from '@megicai/contracts';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';

export type AdSessionStatus = 'open' | 'completed' | 'replaced' | 'expired';

/** One issued ad view. The server's clock decides when it may be claimed; it pays at most once. */
@Entity('ad_sessions')
export class AdSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'varchar' }) tier!: AdTier;
  @Column({ type: 'varchar' }) network!: AdNetworkId;
  @Column('int') requiredSeconds!: number;
  /** Milli-credits, copied from the tier when the session started. */
  @Column({ type: 'bigint', transformer: bigintMilli }) credits!: number;
  @Column({ type: 'jsonb' }) creative!: AdCreative;
  @Column({ type: 'varchar' }) clientAddress!: string;
  @Column({ type: 'varchar' }) status!: AdSessionStatus;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
