import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authConfig } from '../../config/auth.config';
import { MEDIA_QUEUES } from '../../jobs/jobs.constants';
import { UsersModule } from '../../users/users.module';
import { AdminBullBoardController } from './admin-bull-board.controller';
import { BULL_BOARD_ROUTE, BullBoardAccessService } from './bull-board-access.service';

/** Bull Board over the media queues, opened only through the admin's signed cookie (BullBoardAccessService). */
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    UsersModule,
    BullBoardModule.forRoot({ route: BULL_BOARD_ROUTE, adapter: FastifyAdapter }),
    BullBoardModule.forFeature(...MEDIA_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
  controllers: [AdminBullBoardController],
  providers: [BullBoardAccessService],
})
export class AdminBullBoardModule {}
