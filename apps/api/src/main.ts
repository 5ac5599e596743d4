import 'reflect-metadata';
import { InvalidConfigError, loadAppConfig } from '@comeback/platform';
import { createApiApp } from '@comeback/http-api';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApp();
  await app.listen(config.port, '0.0.0.0');
}

main().catch((err: unknown) => {
  if (err instanceof InvalidConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
