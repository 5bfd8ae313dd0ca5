import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PromptVariable } from '@megicai/contracts';

/** A snapshot of a template's content; a published template's edit adds the next version. */
@Entity('prompt_template_versions')
export class PromptTemplateVersion {
  @PrimaryColumn('uuid') templateId!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'jsonb' }) variables!: PromptVariable[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
