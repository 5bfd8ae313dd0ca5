import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One rating per user and template; a second one replaces the first. */
@Entity('prompt_ratings')
export class PromptRating {
  @PrimaryColumn('uuid') templateId!: string;
  @PrimaryColumn('uuid') userId!: string;
  @Column({ type: 'smallint' }) stars!: number;
  @Column({ type: 'text', nullable: true }) review!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
