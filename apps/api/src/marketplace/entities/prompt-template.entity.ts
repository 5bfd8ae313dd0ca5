import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PromptStatus, PromptVariable, ToolKind } from '@megicai/contracts';

/**
 * A creator's prompt template for one tool. `search` (a generated tsvector) is left unmapped so TypeORM never
 * writes it; the counters (ratings, uses, runs in the last 30 days) are kept in step by the marketplace services.
 */
@Entity('prompt_templates')
export class PromptTemplate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') creatorId!: string;
  @Column('uuid') toolId!: string;
  @Column({ type: 'varchar' }) toolKind!: ToolKind;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'jsonb' }) variables!: PromptVariable[];
  @Column({ type: 'varchar' }) status!: PromptStatus;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) hiddenAt!: Date | null;
  @Column({ type: 'text', nullable: true }) hiddenReason!: string | null;
  @Column({ type: 'int' }) ratingCount!: number;
  @Column({ type: 'int' }) ratingSum!: number;
  @Column({ type: 'double precision' }) topScore!: number;
  @Column({ type: 'int' }) uses!: number;
  @Column({ type: 'int', name: 'runs_30d' }) runs30d!: number;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
