import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ControlController } from './control.controller';
import { ControlService } from './control.service';
import { GreenhouseGateMiddleware, GreenhouseTokenGateMiddleware } from './greenhouse-gate.middleware';
import { GreenhouseWebhookService } from './greenhouse-webhook.service';
import { GreenhouseAuthController, GreenhouseController } from './greenhouse.controller';
import { GreenhouseService } from './greenhouse.service';
import { HomePageController } from './home-page.controller';
import { GreenhouseBoardController } from './greenhouse-board.controller';
import { WorkableApplyController } from './workable-apply.controller';
import {
  DeepPartial,
  SIMULATOR_INITIAL_CONFIG,
  SimulatorConfig,
  SimulatorConfigService,
} from './simulator-config.service';
import { SimulatorState } from './simulator-state.service';
import { TrafficService } from './traffic.service';
import { WebhookDispatcher } from './webhook-dispatcher.service';
import { WorkableGateMiddleware } from './workable-gate.middleware';
import { WorkableWebhookService } from './workable-webhook.service';
import { WorkableController } from './workable.controller';
import { WorkableService } from './workable.service';
import { SmartHrSimModule } from './smarthr/smarthr-sim.module';

// Every constructor parameter carries an explicit @Inject(Class): the simulator is also started from
// scripts run by tsx/esbuild, which emit no decorator metadata, and implicit injection would break there.
@Module({})
export class SimulatorModule implements NestModule {
  static forRoot(initialConfig: DeepPartial<SimulatorConfig> = {}): DynamicModule {
    return {
      module: SimulatorModule,
      imports: [SmartHrSimModule],
      controllers: [
        GreenhouseAuthController,
        GreenhouseController,
        WorkableController,
        GreenhouseBoardController,
        WorkableApplyController,
        ControlController,
        HomePageController,
      ],
      providers: [
        { provide: SIMULATOR_INITIAL_CONFIG, useValue: initialConfig },
        SimulatorConfigService,
        SimulatorState,
        TrafficService,
        WebhookDispatcher,
        GreenhouseWebhookService,
        GreenhouseService,
        WorkableWebhookService,
        WorkableService,
        ControlService,
      ],
      exports: [SimulatorState, SimulatorConfigService, TrafficService, WebhookDispatcher, ControlService],
    };
  }

  // Gates run as middleware (before routing) so that 401/429/faults are answered without touching
  // the handlers, exactly as a vendor's edge would.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GreenhouseTokenGateMiddleware).forRoutes(GreenhouseAuthController);
    consumer.apply(GreenhouseGateMiddleware).forRoutes(GreenhouseController);
    consumer.apply(WorkableGateMiddleware).forRoutes(WorkableController);
  }
}
