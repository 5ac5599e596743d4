import { MemoryChangeNotifier, RedisChangeNotifier } from '@comeback/platform';

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !check();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Two notifiers on one Redis stand for two processes: what one publishes, both hear. */
describe('RedisChangeNotifier (real Redis; a change reaches every process)', () => {
  const url = process.env.REDIS_URL!;
  const prefix = `${process.env.QUEUE_PREFIX}:changes:`;
  const a = new RedisChangeNotifier(url, prefix);
  const b = new RedisChangeNotifier(url, prefix);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('delivers a key published by one process to the listeners of both, on that topic only', async () => {
    const heardA: string[] = [];
    const heardB: string[] = [];
    const other: string[] = [];
    await a.subscribe('ats-connection', (k) => heardA.push(k));
    await b.subscribe('ats-connection', (k) => heardB.push(k));
    await b.subscribe('something-else', (k) => other.push(k));
    await a.publish('ats-connection', 'tenant-1:greenhouse');
    await until(() => heardA.length === 1 && heardB.length === 1);
    expect(heardA).toEqual(['tenant-1:greenhouse']);
    expect(heardB).toEqual(['tenant-1:greenhouse']);
    await b.publish('something-else', 'x');
    await until(() => other.length === 1);
    expect(heardA).toHaveLength(1);
  });

  it('a throwing listener does not stop the others', async () => {
    const heard: string[] = [];
    await a.subscribe('fragile', () => {
      throw new Error('boom');
    });
    await a.subscribe('fragile', (k) => heard.push(k));
    await b.publish('fragile', 'k');
    await until(() => heard.length === 1);
  });
});

describe('MemoryChangeNotifier (embedded: one process)', () => {
  it('delivers at once to this process', async () => {
    const n = new MemoryChangeNotifier();
    const heard: string[] = [];
    await n.subscribe('t', (k) => heard.push(k));
    await n.publish('t', 'a');
    await n.publish('u', 'b');
    expect(heard).toEqual(['a']);
  });
});
