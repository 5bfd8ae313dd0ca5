import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One admin change: who, what, on which object, with the before/after values. Append-only. */
@Entity('admin_audit_log')
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') actorId!: string;
  @Column({ type: 'varchar' }) action!: string;
  @Column({ type: 'varchar' }) targetType!: string;
  @Column({ type: 'varchar' }) targetId!: string;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
