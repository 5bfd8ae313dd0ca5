import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyScope } from '@megicai/contracts';

/** pg returns bigint as a string; milli-credit caps stay far below 2^53. */
const nullableBigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column() name!: string;
  /** The visible start of the key (`mgk_ab12cd34`), so people can tell their keys apart. */
  @Column() prefix!: string;
  @Column() keyHash!: string;
  @Column({ type: 'text', array: true }) scopes!: ApiKeyScope[];
  /** milli-credits a day that runs made with this key may spend; null = no cap of its own. */
  @Column({ type: 'bigint', nullable: true, transformer: nullableBigint }) dailyCreditCap!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
