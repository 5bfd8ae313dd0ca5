import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AdminUsersController } from './admin-users.controller';

/** Admin controllers call the feature services; they own no money or job logic of their own. */
@Module({
  imports: [UsersModule],
  controllers: [AdminUsersController],
})
export class AdminModule {}
