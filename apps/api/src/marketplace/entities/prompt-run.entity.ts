import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** pg returns bigint as a string; milli-credit amounts stay far below 2^53. */
const milli = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A successful run through a template by someone other than its creator, with what it earned the creator. */
@Entity('prompt_runs')
export class PromptRun {
  @PrimaryColumn('uuid') jobId!: string;
  @Column('uuid') templateId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column('uuid') creatorId!: string;
  @Column('uuid') runnerId!: string;
  @Column({ type: 'bigint', transformer: milli }) costMilli!: number;
  @Column({ type: 'bigint', transformer: milli }) earningMilli!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
