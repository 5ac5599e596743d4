import type { AtsApplication, AtsConnection, AtsEvent } from '@comeback/ats';
import { AtsEventHandlerRegistry } from './ats-event-handler.registry';

const conn = { tenantId: 't', kind: 'greenhouse' } as AtsConnection;
const application = { applicationId: 'A1' } as AtsApplication;

function complete(registry: AtsEventHandlerRegistry, seen: string[] = []): AtsEventHandlerRegistry {
  registry.register(
    'application_created',
    async (_c, e) => (seen.push(`created:${e.application.applicationId}`), 'fast_tracked'),
  );
  registry.register(
    'stage_changed',
    async (_c, e) => (seen.push(`moved:${e.application.applicationId}`), 'flagged'),
  );
  registry.register('offer_changed', async (_c, e) => (seen.push(`offer:${e.applicationId}`), 'checked'));
  return registry;
}

describe('AtsEventHandlerRegistry', () => {
  it('refuses a second handler for a kind when it registers', () => {
    const registry = complete(new AtsEventHandlerRegistry());
    expect(() => registry.register('offer_changed', async () => 'x')).toThrow(
      /offer_changed already has a handler/,
    );
  });

  it('refuses to start while a dispatched kind has no handler, naming it', () => {
    const registry = new AtsEventHandlerRegistry();
    registry.register('application_created', async () => 'x');
    expect(() => registry.onApplicationBootstrap()).toThrow(
      /stage_changed, offer_changed, application_hired, application_rejected, application_unhired/,
    );
    registry.register('stage_changed', async () => 'x');
    registry.register('offer_changed', async () => 'x');
    expect(() => registry.onApplicationBootstrap()).toThrow(/application_hired/);
    registry.register('application_hired', async () => 'x');
    registry.register('application_rejected', async () => 'x');
    registry.register('application_unhired', async () => 'x');
    expect(() => registry.onApplicationBootstrap()).not.toThrow();
  });

  it.each<[AtsEvent, { status: string; outcome: string }, string[]]>([
    [
      { kind: 'application_created', eventId: 'e1', application },
      { status: 'processed', outcome: 'fast_tracked' },
      ['created:A1'],
    ],
    [
      { kind: 'stage_changed', eventId: 'e2', application },
      { status: 'processed', outcome: 'flagged' },
      ['moved:A1'],
    ],
    [
      { kind: 'offer_changed', eventId: 'e3', applicationId: 'A9', candidateId: 'C9', offer: null },
      { status: 'processed', outcome: 'checked' },
      ['offer:A9'],
    ],
    [{ kind: 'ping', eventId: 'e4' }, { status: 'ignored', outcome: 'ping' }, []],
    [
      { kind: 'ignored', eventId: 'e5', action: 'candidate_hired' },
      { status: 'ignored', outcome: 'ignored' },
      [],
    ],
  ])('dispatches %j to its handler only', async (event, expected, calls) => {
    const seen: string[] = [];
    const registry = complete(new AtsEventHandlerRegistry(), seen);
    await expect(registry.dispatch(conn, event)).resolves.toEqual(expected);
    expect(seen).toEqual(calls);
  });

  it('lets a handler failure reach the job (so the queue retries it)', async () => {
    const registry = new AtsEventHandlerRegistry();
    registry.register('application_created', async () => {
      throw new Error('ATS down');
    });
    await expect(
      registry.dispatch(conn, { kind: 'application_created', eventId: 'e', application }),
    ).rejects.toThrow('ATS down');
  });
});
