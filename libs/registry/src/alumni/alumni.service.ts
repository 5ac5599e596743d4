import { Injectable } from '@nestjs/common';
import { suppressionKeys } from '@comeback/domain';
import {
  AuditService,
  canSeeSensitive,
  ErasureParticipantRegistry,
  type AtsNoteToRemove,
  NotFoundException,
  Principal,
} from '@comeback/platform';
import { ErasureSuppressionsRepository } from '../erasure/erasure-suppressions.repository';
import { SuppressionHasher } from '../erasure/suppression-hasher';
import { ImportRunRepository } from '../imports/import-run.repository';
import { AlumniRepository, AlumnusIdentityRow, type RediscoveryPoolRow } from './alumni.repository';
import type { AlumnusEntity } from './alumnus.entity';
import { AlumniPageDto, AlumnusDetailDto, toAlumnusDetailDto, toAlumnusSummaryDto } from './alumni.dto';

@Injectable()
export class AlumniService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly audit: AuditService,
    private readonly suppressions: ErasureSuppressionsRepository,
    private readonly hasher: SuppressionHasher,
    private readonly erasure: ErasureParticipantRegistry,
    private readonly importRuns: ImportRunRepository,
  ) {}

  /** A bulk read of the registry: audited with the query's shape (whether a term was given), never the term. */
  async search(
    principal: Principal,
    q: { q?: string; limit: number; cursor?: string },
  ): Promise<AlumniPageDto> {
    const page = await this.alumni.search(principal.tenantId, { q: q.q, limit: q.limit, after: q.cursor });
    await this.audit.record(principal, {
      action: 'registry.search',
      targetType: 'alumni',
      details: { filtered: !!q.q, paged: !!q.cursor, limit: q.limit, returned: page.items.length },
    });
    return { items: page.items.map(toAlumnusSummaryDto), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, employeeNumber: string): Promise<AlumnusDetailDto> {
    const a = await this.alumni.findByEmployeeNumber(principal.tenantId, employeeNumber);
    if (!a) throw new NotFoundException('Former employee');
    const sensitive = canSeeSensitive(principal);
    // Every read of sensitive fields is audited (who, which record, which fields — never the values).
    if (sensitive) {
      await this.audit.record(principal, {
        action: 'registry.read_sensitive',
        targetType: 'alumnus',
        targetId: a.employeeNumber,
        details: { fields: ['birthDate', 'departureReason', 'lastBaseSalary', 'performanceRatings'] },
      });
    }
    return toAlumnusDetailDto(a, sensitive);
  }

  /**
   * The whole record, sensitive fields included, for code of ours that decides what to show (the console's
   * review and erase pages, briefings). Not audited here: a caller that shows sensitive fields audits that read.
   */
  optedInDepartments(tenantId: string): Promise<string[]> {
    return this.alumni.optedInDepartments(tenantId);
  }

  /** Opted-in people in these departments/levels/skills, for rediscovery (which audits what it shows). */
  async rediscoveryPool(
    tenantId: string,
    filter: { departments: string[]; levels: string[]; skills: string[] },
  ): Promise<RediscoveryPoolRow[]> {
    return this.alumni.rediscoveryPool(tenantId, filter);
  }

  async findByEmployeeNumber(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.alumni.findByEmployeeNumber(tenantId, employeeNumber);
  }

  /**
   * Erasure, in one transaction: the record and its keys; every copy other libs keep (their erasure
   * participants) and the row-level problems of earlier imports that quote the person; a suppression entry of
   * keyed hashes so a later import does not bring the person back; and an audit entry saying only that an
   * erasure happened (it names the suppression, not the person). Notes we already wrote into the ATS cannot be
   * erased by us: the entry and the answer list those applications so HR can remove them in the ATS.
   */
  async erase(
    principal: Principal,
    employeeNumber: string,
  ): Promise<{ suppressionId: string; atsNotesToRemove: AtsNoteToRemove[] }> {
    const hasher = await this.hasher.forTenant(principal.tenantId);
    return this.alumni.transaction(async (tx) => {
      const erased = await this.alumni.erase(tx, principal.tenantId, employeeNumber);
      if (!erased) throw new NotFoundException('Former employee');
      const suppressionId = await this.suppressions.insert(
        tx,
        principal.tenantId,
        hasher.hash(principal.tenantId, suppressionKeys(erased)),
      );
      const identifiers = identifiersOf(erased);
      await this.importRuns.scrubPerson(tx, principal.tenantId, identifiers);
      const found = await this.erasure.eraseEverywhere(tx, {
        tenantId: principal.tenantId,
        alumnusId: erased.id,
        employeeNumber: erased.employeeNumber,
        identifiers,
      });
      await this.audit.record(
        principal,
        {
          action: 'registry.erase',
          targetType: 'erasure_suppression',
          targetId: suppressionId,
          details: {
            participants: this.erasure.names(),
            // ATS ids only (no person): where HR still has to delete our notes by hand.
            atsNotesToRemove: found.atsNotes.map((n) => ({ ats: n.ats, applicationId: n.applicationId })),
          },
        },
        tx,
      );
      return { suppressionId, atsNotesToRemove: found.atsNotes };
    });
  }

  /**
   * HR lifts the suppression of an erased person (say they came back and consented), found by their former
   * employee number: the next import may bring them back. Audited by suppression id, never the number.
   */
  async liftSuppression(principal: Principal, employeeNumber: string): Promise<{ lifted: string[] }> {
    const hashes = (await this.hasher.forTenant(principal.tenantId)).hash(
      principal.tenantId,
      suppressionKeys({
        employeeNumber,
        familyName: '',
        givenName: '',
        previousFamilyNames: [],
        emails: [],
        phones: [],
      }),
    );
    const lifted = await this.suppressions.deleteMatching(principal.tenantId, hashes);
    if (lifted.length === 0) throw new NotFoundException('Erasure suppression');
    for (const id of lifted) {
      await this.audit.record(principal, {
        action: 'registry.suppression_lift',
        targetType: 'erasure_suppression',
        targetId: id,
      });
    }
    return { lifted };
  }
}

/** Every value that identifies the person, for participants scrubbing free text and JSON. */
function identifiersOf(a: AlumnusIdentityRow): string[] {
  const names = [a.familyName, a.givenName, a.familyNameKana, a.givenNameKana, ...a.previousFamilyNames];
  const full = [
    `${a.familyName} ${a.givenName}`,
    `${a.givenName} ${a.familyName}`,
    `${a.familyName}${a.givenName}`,
  ];
  return [
    ...new Set(
      [a.employeeNumber, ...names, ...full, ...a.emails, ...a.phones, a.birthDate].filter(
        (v): v is string => !!v && v.trim() !== '',
      ),
    ),
  ];
}
