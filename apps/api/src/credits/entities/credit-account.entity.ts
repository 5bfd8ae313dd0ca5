import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintMilli } from './bigint-milli.transformer';

@Entity('credit_accounts')
export class CreditAccount {
  @PrimaryColumn('uuid') userId!: string;
  /** Milli-credits; CHECK (balance >= 0) in the schema is the last line of defence. */
  @Column({ type: 'bigint', transformer: bigintMilli }) balance!: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
