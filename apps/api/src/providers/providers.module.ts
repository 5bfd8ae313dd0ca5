import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { providersConfig } from '../config/providers.config';
import { ProviderRegistry } from './provider-registry';
import { ProvidersController } from './providers.controller';
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
  ],
  exports: [ProvidersService],
})
export class ProvidersModule {}
