import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '../common/swagger/problem.dto';

/** `/api/docs` (Swagger UI) and `/api/docs-json` (OpenAPI 3), generated from the controllers and DTOs. */
export function setupOpenApi(app: NestFastifyApplication) {
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  return document;
}

/**
 * The OpenAPI document of an app (routes with the global prefix). Needs only the module graph, not running
 * providers: `libs/sdk`'s generator builds it from an app created with `preview: true` (no database, no Redis).
 */
export function createOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('MegicAI API')
    .setDescription(
      'The public REST API of MegicAI. Errors are RFC 9457 problem details (application/problem+json). ' +
        'Credits are decimals with at most 3 places. Authenticate with a Bearer access token or an X-API-Key.',
    )
    .setVersion('1.0.0')
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
}
