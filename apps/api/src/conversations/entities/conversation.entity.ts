import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('conversations')
export class Conversation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') toolId!: string;
  /** null until named: the first message names it. */
  @Column({ type: 'varchar', nullable: true }) title!: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  /** The newest message's time (the list's order); the creation time until the first message. */
  @Column({ type: 'timestamptz', precision: 3 }) lastActivityAt!: Date;
}
