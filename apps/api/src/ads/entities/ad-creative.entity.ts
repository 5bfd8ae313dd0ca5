import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AdCreativeKind } from '@megicai/contracts';

/** A creative of the house network: shown by the SPA, chained until a tier's seconds are reached. */
@Entity('ad_creatives')
export class AdCreativeRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) kind!: AdCreativeKind;
  @Column({ type: 'varchar' }) title!: string;
  /** A URL (http(s), our own file route, or a data: URL) for images and videos; the markup itself for HTML. */
  @Column({ type: 'text' }) src!: string;
  @Column({ type: 'varchar' }) clickUrl!: string;
  @Column('int') seconds!: number;
  @Column() active!: boolean;
  /** Scripted HTML served from its own frame URL (sandboxed, strict CSP) that reports engagement. */
  @Column() interactive!: boolean;
  /** 1–1000: a creative of weight 200 leads a chain twice as often as one of weight 100. */
  @Column('int') weight!: number;
  /** The storage key of an uploaded file (`creatives/<uuid>.<ext>`); null when `src` is not one. */
  @Column({ type: 'varchar', nullable: true }) fileKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
