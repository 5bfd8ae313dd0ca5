import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvidersModule } from '../providers/providers.module';
import { Tool } from './entities/tool.entity';
import { ToolsController } from './tools.controller';
import { ToolsService } from './tools.service';

/** The catalog. Runs (`POST /tools/:id/run`) live in the jobs module, which uses ToolsService. */
@Module({
  imports: [TypeOrmModule.forFeature([Tool]), ProvidersModule],
  controllers: [ToolsController],
  providers: [ToolsService],
  exports: [ToolsService],
})
export class ToolsModule {}
