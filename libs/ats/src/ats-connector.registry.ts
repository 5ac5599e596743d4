import { Inject, Injectable } from '@nestjs/common';
import { AtsConnector, AtsKind } from './ats-connector.port';

/** Every adapter, one per AtsKind (provided by AtsModule, the one place that names the adapter classes). */
export const ATS_CONNECTORS = Symbol('ATS_CONNECTORS');

/** The connector for a kind. Callers hold a kind (from a route or a connection row), never a vendor class. */
@Injectable()
export class AtsConnectorRegistry {
  private readonly byKind: ReadonlyMap<AtsKind, AtsConnector>;

  constructor(@Inject(ATS_CONNECTORS) private readonly connectors: readonly AtsConnector[]) {
    this.byKind = new Map(connectors.map((c) => [c.kind, c]));
  }

  get(kind: AtsKind): AtsConnector {
    const connector = this.byKind.get(kind);
    if (!connector) throw new Error(`no ATS connector for kind ${String(kind)}`);
    return connector;
  }

  all(): AtsConnector[] {
    return [...this.connectors];
  }
}
