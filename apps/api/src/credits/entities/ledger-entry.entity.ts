import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerKind } from '@megicai/contracts';
import { bigintMilli } from './bigint-milli.transformer';

/** Append-only: rows are inserted with their balance change and never updated or deleted. */
@Entity('credit_ledger')
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'bigint', transformer: bigintMilli }) delta!: number;
  @Column({ type: 'bigint', transformer: bigintMilli }) balanceAfter!: number;
  @Column({ type: 'varchar' }) kind!: LedgerKind;
  @Column({ type: 'varchar', nullable: true }) referenceType!: string | null;
  @Column({ type: 'varchar', nullable: true }) referenceId!: string | null;
  @Column({ type: 'varchar', nullable: true }) idempotencyKey!: string | null;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
