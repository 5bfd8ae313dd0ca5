import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A worker chore run every `intervalMs` (outbox relays, sweepers): never two ticks at once, and a failed tick is
 * logged and retried at the next one. The timer does not keep the process alive.
 */
export abstract class IntervalTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  protected abstract get intervalMs(): number;
  protected abstract tick(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runTick(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async runTick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.tick();
    } catch (error) {
      this.logger.warn(`${this.constructor.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
