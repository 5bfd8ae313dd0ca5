import { randomBytes } from 'node:crypto';
import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemCode } from '@megicai/contracts';
import { Public } from '../common/auth/public.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdWaterfallService } from './ad-waterfall.service';
import { AdsException } from './ads.exception';
import { AdCreativesService } from './creatives/ad-creatives.service';

/**
 * Uploaded house creatives (public, like the ads that show them), and the frame of an interactive house creative:
 * the SPA loads it into `<iframe sandbox="allow-scripts">` (an opaque
 * origin: no cookies, no storage, no top navigation); this response's CSP lets it run only its own inline script
 * (nonce) and load nothing, so the creative can talk to the page only through postMessage.
 */
@ApiTags('ads')
@Controller('ads/creatives')
export class AdCreativesController {
  constructor(
    private readonly waterfall: AdWaterfallService,
    private readonly creatives: AdCreativesService,
  ) {}

  /**
   * A file's name is a new UUID per upload and never reused, so it is cached for good. It is served as the type its
   * bytes were checked to be, never sniffed, and sandboxed should someone open it as a page.
   */
  @Get('files/:name')
  @Public()
  @ApiOperation({ summary: 'An uploaded house creative (image or video)' })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm')
  @ApiOkResponse({ description: 'The file' })
  @ApiProblems(ProblemCode.NotFound)
  async file(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.creatives.file(name);
    if (!file) throw new AdsException(ProblemCode.NotFound, 'There is no such creative file.');
    void reply
      .header('Content-Type', file.mimeType)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox");
    if (file.object.size !== undefined) void reply.header('Content-Length', String(file.object.size));
    return new StreamableFile(file.object.body);
  }

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
