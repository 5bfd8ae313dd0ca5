import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A media job committed but not yet known to reach BullMQ. */
@Entity('job_outbox')
export class JobOutbox {
  @PrimaryColumn({ type: 'uuid' }) jobId!: string;
  @Column() queue!: string;
  /** The Redis prefix of the deployment whose relay may add it (null: anyone's). */
  @Column({ type: 'varchar', nullable: true }) queuePrefix!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
