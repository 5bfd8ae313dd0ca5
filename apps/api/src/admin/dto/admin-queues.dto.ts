import { ApiProperty } from '@nestjs/swagger';
import {
  ADMIN_QUEUE_NAMES,
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

export class AdminQueueDto implements AdminQueueView {
  @ApiProperty({ enum: ADMIN_QUEUE_NAMES }) name!: AdminQueueName;
  @ApiProperty({ type: QueueCountsDto }) counts!: QueueCountsDto;
}

export class AdminQueueRetryDto implements AdminQueueRetryResult {
  @ApiProperty({ enum: ADMIN_QUEUE_NAMES }) name!: AdminQueueName;
  @ApiProperty({ example: 3, description: 'Failed BullMQ jobs moved back to waiting' }) retried!: number;
}
