import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { ControlService } from './control.service';
import { DeepPartial, SimulatorConfig, SimulatorConfigService } from './simulator-config.service';
import { SimulatorModule } from './simulator.module';
import { SimulatorState } from './simulator-state.service';
import { TrafficService } from './traffic.service';
import { VendorErrorFilter } from './vendor-error.filter';
import { WebhookDispatcher } from './webhook-dispatcher.service';

export interface SimulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  host?: string;
  logger?: false;
  /** Initial switches (same shape as `PUT /_sim/config`); `reset` returns to these. */
  config?: DeepPartial<SimulatorConfig>;
}

export interface SimulatorHandle {
  url: string;
  port: number;
  /** The data itself, for in-process assertions; the same data `GET /_sim/state` serves. */
  state: SimulatorState;
  /** Seed, act as a recruiter, fire webhooks: the `/_sim` routes without HTTP. */
  control: ControlService;
  config: SimulatorConfigService;
  traffic: TrafficService;
  webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

/** Starts the simulator in this process (tests, demo). `apps/ats-simulator/src/main.ts` runs the same thing standalone. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const app = await NestFactory.create<NestExpressApplication>(SimulatorModule.forRoot(opts.config ?? {}), {
    logger: opts.logger === false ? false : ['error', 'warn'],
    // Keep-alive sockets from clients must not hold close() open.
    forceCloseConnections: true,
  });
  app.disable('x-powered-by');
  app.useGlobalFilters(new VendorErrorFilter());
  app.enableShutdownHooks();
  const host = opts.host ?? '127.0.0.1';
  await app.listen(opts.port ?? 0, host);
  const server = app.getHttpServer();
  const port = (server.address() as AddressInfo).port;
  const publicHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closed = false;
  return {
    url: `http://${publicHost}:${port}`,
    port,
    state: app.get(SimulatorState),
    control: app.get(ControlService),
    config: app.get(SimulatorConfigService),
    traffic: app.get(TrafficService),
    webhooks: app.get(WebhookDispatcher),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
