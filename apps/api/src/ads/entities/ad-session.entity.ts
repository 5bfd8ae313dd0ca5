import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AdNetworkId, AdTier } from '@megicai/contracts';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';
import type { StoredCreative } from '../networks/ad-network.interface';

export type AdSessionStatus = 'open' | 'completed' | 'replaced' | 'expired';

/** One issued ad view. The server's clock decides when it may be claimed; it pays at most once. */
@Entity('ad_sessions')
export class AdSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'varchar' }) tier!: AdTier;
  /** The network that filled: the waterfall's first until an impression reports another. */
  @Column({ type: 'varchar' }) network!: AdNetworkId;
  /** The waterfall the client tries in order; `house` ends it. */
  @Column({ type: 'jsonb' }) networks!: AdNetworkId[];
  @Column('int') requiredSeconds!: number;
  /** Milli-credits, copied from the tier when the session started. */
  @Column({ type: 'bigint', transformer: bigintMilli }) credits!: number;
  /** References only; the network's `present` resolves them into what the SPA plays. */
  @Column({ type: 'jsonb' }) creative!: StoredCreative[] | StoredCreative;
  @Column({ type: 'varchar' }) clientAddress!: string;
  @Column({ type: 'varchar' }) status!: AdSessionStatus;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The house chain holds an interactive creative: it must report `seen` (visible tab) before `complete` pays. */
  @Column() needsEngagement!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) engagedAt!: Date | null;
}
