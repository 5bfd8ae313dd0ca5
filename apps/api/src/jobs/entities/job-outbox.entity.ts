import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A media job committed but not yet known to reach BullMQ. */
@Entity('job_outbox')
export class JobOutbox {
  @PrimaryColumn({ type: 'uuid' }) jobId!: string;
  @Column() queue!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
