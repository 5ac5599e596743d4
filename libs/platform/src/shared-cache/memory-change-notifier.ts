import { ChangeNotifier } from './change-notifier.port';

/** Embedded mode: one process, so a change is delivered to this process's listeners at once. */
export class MemoryChangeNotifier extends ChangeNotifier {
  private readonly listeners = new Map<string, ((key: string) => void)[]>();

  async publish(topic: string, key: string): Promise<void> {
    for (const listener of this.listeners.get(topic) ?? []) listener(key);
  }

  async subscribe(topic: string, onChange: (key: string) => void): Promise<void> {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), onChange]);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
