import { createServer, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { metricsAccessAllowed } from '../metrics/metrics-access';
import { HealthService } from './health.service';

/**
 * The worker has no api: this small server gives it the same probes (`/health/live`, `/health/ready`) and
 * `/metrics` (behind METRICS_TOKEN) on WORKER_HEALTH_PORT. It never keeps the process alive on its own.
 */
export async function startProbeServer(app: INestApplicationContext, port: number): Promise<Server> {
  const health = app.get(HealthService);
  const metrics = app.get(Metrics);
  const config = app.get<AppConfig>(APP_CONFIG);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status: number, body: string, type = 'application/json'): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    };
    if (req.method !== 'GET') return reply(405, JSON.stringify({ code: 'method_not_allowed' }));
    if (path === '/health/live') return reply(200, JSON.stringify({ status: 'live' }));
    if (path === '/health/ready') {
      void health.readiness().then(
        (r) => reply(r.ready ? 200 : 503, JSON.stringify({ status: r.ready ? 'ready' : 'not_ready' })),
        () => reply(503, JSON.stringify({ status: 'not_ready' })),
      );
      return;
    }
    if (path === '/metrics' && metricsAccessAllowed(config.metricsToken, req.headers.authorization)) {
      void metrics.render().then(
        (m) => reply(200, m.body, m.contentType),
        () => reply(500, JSON.stringify({ code: 'metrics_failed' })),
      );
      return;
    }
    reply(404, JSON.stringify({ code: 'not_found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  server.unref();
  return server;
}
