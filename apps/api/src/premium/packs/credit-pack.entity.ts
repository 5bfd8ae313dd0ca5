import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';

/** A credit pack for sale (seeded by the payments migration, edited by admins). */
@Entity('credit_packs')
export class CreditPack {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', transformer: bigintMilli }) creditsMilli!: number;
  @Column({ type: 'int' }) priceCents!: number;
  @Column({ type: 'char' }) currency!: string;
  /** A Stripe price to sell the pack with; null: an inline price from priceCents. */
  @Column({ type: 'varchar', nullable: true }) stripePriceId!: string | null;
  @Column() active!: boolean;
  @Column({ type: 'int' }) sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
