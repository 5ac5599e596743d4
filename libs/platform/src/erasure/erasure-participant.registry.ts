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

/** A note we wrote into the ATS: we cannot erase it there, so HR is told where it is. */
export interface AtsNoteToRemove {
  ats: string;
  applicationId: string;
  /** Where HR removes it (the application in the ATS), when the ATS has a link for it. */
  url: string | null;
}

/** What a participant could not erase itself (HR must act elsewhere). */
export interface ErasureFindings {
  atsNotes: AtsNoteToRemove[];
}

/**
 * A lib that keeps copies keyed to a person (rule results, notes, review evidence, offer inputs, raw webhook
 * bodies, audit details) removes them here, inside the registry's erasure transaction, so an erasure is all or
 * nothing. Each owning lib registers its participant in `onModuleInit`; the registry never touches their tables.
 */
export interface ErasureParticipant {
  readonly name: string;
  erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<Partial<ErasureFindings> | void>;
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
  async eraseEverywhere(tx: TransactionManager, person: ErasedPerson): Promise<ErasureFindings> {
    const found: ErasureFindings = { atsNotes: [] };
    for (const p of this.participants.values()) {
      const f = await p.erasePerson(tx, person);
      if (f?.atsNotes) found.atsNotes.push(...f.atsNotes);
    }
    return found;
  }
}
