import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { ChangeNotifier } from './change-notifier.port';

/**
 * Production: Redis pub/sub, one channel per topic. A subscribed connection can do nothing else, hence two;
 * both are opened on first use. Only keys travel (never a secret): listeners re-read what changed themselves.
 */
export class RedisChangeNotifier extends ChangeNotifier {
  private readonly logger = new Logger(RedisChangeNotifier.name);
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, ((key: string) => void)[]>();

  constructor(
    private readonly url: string,
    private readonly prefix = 'comeback:changes:',
  ) {
    super();
  }

  async publish(topic: string, key: string): Promise<void> {
    this.publisher ??= new Redis(this.url, { maxRetriesPerRequest: 3 });
    await this.publisher.publish(this.prefix + topic, key);
  }

  async subscribe(topic: string, onChange: (key: string) => void): Promise<void> {
    if (!this.subscriber) {
      const sub = new Redis(this.url, { maxRetriesPerRequest: null });
      sub.on('message', (channel: string, key: string) => {
        for (const listener of this.listeners.get(channel) ?? []) {
          try {
            listener(key);
          } catch (err) {
            this.logger.warn({ channel, err: (err as Error).message }, 'change listener failed');
          }
        }
      });
      this.subscriber = sub;
    }
    const channel = this.prefix + topic;
    const known = this.listeners.get(channel);
    this.listeners.set(channel, [...(known ?? []), onChange]);
    // Resolves once Redis confirms: a change published after this returns reaches this process.
    if (!known) await this.subscriber.subscribe(channel);
  }

  async close(): Promise<void> {
    const open = [this.publisher, this.subscriber].filter((c): c is Redis => c !== null);
    await Promise.all(open.map((c) => c.quit().catch(() => undefined)));
    this.publisher = this.subscriber = null;
  }
}
