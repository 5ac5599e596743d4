import { startSimulator } from '@comeback/ats-simulator';

// Standalone: `PORT=4010 node dist/apps/ats-simulator/src/main.js`. WEBHOOK_TIME_SCALE shortens the
// vendors' retry schedules for a demo (e.g. 0.001 turns a one-minute retry into 60 ms).
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  const host = process.env.HOST ?? '0.0.0.0';
  const timeScale = process.env.WEBHOOK_TIME_SCALE ? Number(process.env.WEBHOOK_TIME_SCALE) : undefined;
  const sim = await startSimulator({
    port,
    host,
    config: timeScale !== undefined ? { webhooks: { timeScale } } : {},
  });
  process.stdout.write(`ats-simulator listening on ${sim.url} (bound to ${host}:${sim.port})\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`ats-simulator failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
