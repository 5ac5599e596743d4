import { Injectable } from '@nestjs/common';
import type { TransactionManager } from '../database/transaction';

/** The former employee being erased, as the registry knew them just before deleting the record. */
export interface ErasedPerson {
  tenantId: string;
  alumnusId: string;
  employeeNumber: string;
  /** Every identifying value of the person (names, readings, e-mails, phones, birth date, employee number). */
  identifiers: string[];
}

/**
 * A lib that keeps copies keyed to a person (rule results, notes, review evidence, offer inputs, raw webhook
 * bodies, audit details) removes them here, inside the registry's erasure transaction, so an erasure is all or
 * nothing. Each owning lib registers its participant in `onModuleInit`; the registry never touches their tables.
 */
export interface ErasureParticipant {
  readonly name: string;
  erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void>;
}

@Injectable()
export class ErasureParticipantRegistry {
  private readonly participants = new Map<string, ErasureParticipant>();

  register(participant: ErasureParticipant): void {
    if (this.participants.has(participant.name))
      throw new Error(`Erasure participant ${participant.name} registered twice`);
    this.participants.set(participant.name, participant);
  }

  names(): string[] {
    return [...this.participants.keys()];
  }

  /** Runs every participant in the caller's transaction; one failure rolls the whole erasure back. */
  async eraseEverywhere(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    for (const p of this.participants.values()) await p.erasePerson(tx, person);
  }
}
