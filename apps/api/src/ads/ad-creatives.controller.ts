import { randomBytes } from 'node:crypto';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemCode } from '@megicai/contracts';
import { Public } from '../common/auth/public.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdWaterfallService } from './ad-waterfall.service';
import { AdsException } from './ads.exception';

/**
 * The frame of an interactive house creative. The SPA loads it into `<iframe sandbox="allow-scripts">` (an opaque
 * origin: no cookies, no storage, no top navigation); this response's CSP lets it run only its own inline script
 * (nonce) and load nothing, so the creative can talk to the page only through postMessage.
 */
@ApiTags('ads')
@Controller('ads/creatives')
export class AdCreativesController {
  constructor(private readonly waterfall: AdWaterfallService) {}

  @Get(':id/frame')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The HTML of an interactive house creative, for a sandboxed iframe' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The creative, with a strict Content-Security-Policy' })
  @ApiProblems(ProblemCode.NotFound)
  async frame(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const markup = await this.waterfall.frameMarkup(id);
    if (markup === null) throw new AdsException(ProblemCode.NotFound, 'There is no such interactive creative.');
    const nonce = randomBytes(16).toString('base64');
    reply
      .type('text/html; charset=utf-8')
      .header(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; ` +
          `base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts`,
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer');
    // The SPA frames this page: the global X-Frame-Options DENY (helmet sets it on the raw response) gives way to
    // frame-ancestors 'self' above.
    reply.raw.removeHeader('x-frame-options');
    return markup.replace(/<script>/g, `<script nonce="${nonce}">`);
  }
}
