import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { providersConfig } from '../config/providers.config';
import { ProviderRegistry } from './provider-registry';
import { ProvidersController } from './providers.controller';
import { ProviderHourlyStatsService } from './provider-hourly-stats.service';
import { ProvidersService } from './providers.service';

@Module({
  imports: [ConfigModule.forFeature(providersConfig)],
  controllers: [ProvidersController],
  providers: [
    {
      provide: ProviderRegistry,
      inject: [providersConfig.KEY],
      useFactory: (config: ConfigType<typeof providersConfig>) => ProviderRegistry.fromConfig(config),
    },
    ProvidersService,
    ProviderHourlyStatsService,
  ],
  exports: [ProvidersService, ProviderHourlyStatsService],
})
export class ProvidersModule {}
