import { ApiProperty } from '@nestjs/swagger';

export class BullBoardSessionDto {
  @ApiProperty({ example: '/api/v1/admin/bull-board/' }) url!: string;
  @ApiProperty({ format: 'date-time', description: 'When the cookie stops opening the board' }) expiresAt!: string;
}
