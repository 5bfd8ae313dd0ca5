import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AdCreativeKind } from '@megicai/contracts';

/** A creative of the house network: shown by the SPA, chained until a tier's seconds are reached. */
@Entity('ad_creatives')
export class AdCreativeRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) kind!: AdCreativeKind;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text' }) src!: string;
  @Column({ type: 'varchar' }) clickUrl!: string;
  @Column('int') seconds!: number;
  @Column() active!: boolean;
  /** Scripted HTML served from its own frame URL (sandboxed, strict CSP) that reports engagement. */
  @Column() interactive!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
