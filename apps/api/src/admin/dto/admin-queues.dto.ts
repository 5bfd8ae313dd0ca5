import { ApiProperty } from '@nestjs/swagger';
import {
  ADMIN_QUEUE_NAMES,
  type AdminFailedJobView,
  type AdminQueueName,
  type AdminQueueRetryResult,
  type AdminQueueView,
} from '@megicai/contracts';

export class QueueCountsDto {
  @ApiProperty({ example: 0 }) waiting!: number;
  @ApiProperty({ example: 0 }) active!: number;
  @ApiProperty({ example: 0 }) completed!: number;
  @ApiProperty({ example: 0 }) failed!: number;
  @ApiProperty({ example: 0 }) delayed!: number;
}

export class AdminFailedJobDto implements AdminFailedJobView {
  @ApiProperty({ example: '3f0c…', description: 'The BullMQ job id (our job id)' }) id!: string;
  @ApiProperty({ example: 'provider timeout' }) error!: string;
  @ApiProperty({ example: 3 }) attemptsMade!: number;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
}

export class AdminQueueDto implements AdminQueueView {
  @ApiProperty({ enum: ADMIN_QUEUE_NAMES }) name!: AdminQueueName;
  @ApiProperty({ type: QueueCountsDto }) counts!: QueueCountsDto;
  @ApiProperty({ type: [AdminFailedJobDto], description: 'Most recent failed jobs, newest first (at most 20)' })
  failedJobs!: AdminFailedJobDto[];
}

export class AdminQueueJobRetryDto {
  @ApiProperty({ enum: ADMIN_QUEUE_NAMES }) name!: AdminQueueName;
  @ApiProperty() id!: string;
  @ApiProperty({ example: true }) retried!: boolean;
}

export class AdminQueueRetryDto implements AdminQueueRetryResult {
  @ApiProperty({ enum: ADMIN_QUEUE_NAMES }) name!: AdminQueueName;
  @ApiProperty({ example: 3, description: 'Failed BullMQ jobs moved back to waiting' }) retried!: number;
}
