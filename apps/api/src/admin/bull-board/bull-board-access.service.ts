import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PROBLEM_CONTENT_TYPE, ProblemCode } from '@megicai/contracts';
import { authConfig } from '../../config/auth.config';
import { toProblem } from '../../common/errors/problem-details.filter';
import { UsersService } from '../../users/users.service';
import { AdminException } from '../admin.exception';

/** Where Bull Board is served (the global prefix included) and the cookie that opens it. */
export const BULL_BOARD_ROUTE = '/admin/bull-board';
export const BULL_BOARD_PATH = `/api/v1${BULL_BOARD_ROUTE}`;
export const BULL_BOARD_COOKIE = 'megicai_board';
/** Ten minutes: long enough to look around, short enough that a leaked cookie is of little use. */
export const BULL_BOARD_SESSION_SECONDS = 600;

/**
 * Bull Board is a Fastify plugin outside Nest's guards, and a browser cannot send our bearer token when it opens it
 * in a tab. So an admin asks the API for a short-lived signed HttpOnly cookie scoped to the board's path, and every
 * request to the board is checked here: no or bad cookie → 401; a valid cookie of someone who is no longer an admin
 * (demoted or banned since) → 403, because the role is read again on each request.
 */
@Injectable()
export class BullBoardAccessService implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly users: UsersService,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  /** Runs before Fastify loads the board's plugin (at ready), so the hook covers every board route. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0];
      if (path !== BULL_BOARD_PATH && !path.startsWith(`${BULL_BOARD_PATH}/`)) return;
      const denied = await this.check(request);
      if (denied) return this.deny(request, reply, denied);
    });
  }

  /** The Set-Cookie value for this admin. */
  cookieFor(userId: string, now = Date.now()): { cookie: string; expiresAt: string } {
    const expires = Math.floor(now / 1000) + BULL_BOARD_SESSION_SECONDS;
    const payload = `${userId}.${expires}`;
    const token = `${payload}.${this.sign(payload)}`;
    const cookie =
      `${BULL_BOARD_COOKIE}=${token}; Path=${BULL_BOARD_PATH}; Max-Age=${BULL_BOARD_SESSION_SECONDS}; HttpOnly; ` +
      `SameSite=Strict${process.env.NODE_ENV === 'production' ? '; Secure' : ''}`;
    return { cookie, expiresAt: new Date(expires * 1000).toISOString() };
  }

  private async check(request: FastifyRequest): Promise<AdminException | null> {
    const userId = this.verify(readCookie(request.headers.cookie, BULL_BOARD_COOKIE));
    if (!userId) return new AdminException(ProblemCode.Unauthorized, 'Open Bull Board from the admin console.');
    const user = await this.users.findById(userId);
    if (!user || user.role !== 'admin' || user.banned)
      return new AdminException(ProblemCode.AdminOnly, 'Bull Board is for admins only.');
    return null;
  }

  private verify(token: string | undefined): string | null {
    const [userId, expires, signature] = token?.split('.') ?? [];
    if (!userId || !expires || !signature) return null;
    const expected = Buffer.from(this.sign(`${userId}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Number(expires) * 1000 > Date.now() ? userId : null;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.auth.jwtSecret).update(`bull-board:${payload}`).digest('base64url');
  }

  private deny(request: FastifyRequest, reply: FastifyReply, error: AdminException) {
    const { problem, headers } = toProblem(error, request.url);
    return reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
