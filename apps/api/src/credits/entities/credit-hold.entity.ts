import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintMilli } from './bigint-milli.transformer';

export type HoldStatus = 'held' | 'captured' | 'released';

/** Credits taken for a job that has not settled yet; settles once, by a conditional status change. */
@Entity('credit_holds')
export class CreditHold {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'bigint', transformer: bigintMilli }) amount!: number;
  @Column({ type: 'varchar' }) status!: HoldStatus;
  @Column({ type: 'varchar' }) referenceType!: string;
  @Column({ type: 'varchar' }) referenceId!: string;
  /** The API key the run was made with (its spend counts against the key's own cap); null for a signed-in person. */
  @Column({ type: 'uuid', nullable: true }) apiKeyId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) settledAt!: Date | null;
}
