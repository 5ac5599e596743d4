import { Injectable } from '@nestjs/common';
import { AtsConnector, AtsKind } from './ats-connector.port';
import { GreenhouseConnector } from './greenhouse/greenhouse.connector';
import { WorkableConnector } from './workable/workable.connector';

/** The connector for a kind. Callers hold a kind (from a route or a connection row), never a vendor class. */
@Injectable()
export class AtsConnectorRegistry {
  constructor(
    private readonly greenhouse: GreenhouseConnector,
    private readonly workable: WorkableConnector,
  ) {}

  get(kind: AtsKind): AtsConnector {
    switch (kind) {
      case 'greenhouse':
        return this.greenhouse;
      case 'workable':
        return this.workable;
    }
  }

  all(): AtsConnector[] {
    return [this.greenhouse, this.workable];
  }
}
