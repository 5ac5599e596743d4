/**
 * "Something cached per process changed": a connection saved or removed, a secret rotated. Every process of the
 * deployment hears it within moments and drops its copy, so a change takes effect everywhere without waiting for
 * a cache's expiry (which stays as a safety net for a notice lost while Redis was away). Two drivers: Redis
 * pub/sub (production) and in-process (embedded, one process).
 */
export abstract class ChangeNotifier {
  /** Tells every process, this one included, that `key` changed on `topic`. */
  abstract publish(topic: string, key: string): Promise<void>;
  /** Calls `onChange` with the key of every change published on `topic` from now on, by any process. */
  abstract subscribe(topic: string, onChange: (key: string) => void): Promise<void>;
  abstract close(): Promise<void>;
}
