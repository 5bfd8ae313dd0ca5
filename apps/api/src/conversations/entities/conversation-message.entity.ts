import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

const bigintNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

export type ConversationRole = 'user' | 'assistant';

@Entity('conversation_messages')
export class ConversationMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') conversationId!: string;
  @Column({ type: 'varchar' }) role!: ConversationRole;
  @Column('text') content!: string;
  /** The run that answered (assistant) or that failed (a failed user message); its cost is the job's. */
  @Column({ type: 'uuid', nullable: true }) jobId!: string | null;
  /** milli-credits the run cost (assistant messages): a display copy of the job's cost. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) cost!: number | null;
  /** A user message whose run failed (refunded): shown with a retry, never sent as context. */
  @Column() failed!: boolean;
  /** Microseconds (clock_timestamp): a question and its cached answer keep their order within a millisecond. */
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
