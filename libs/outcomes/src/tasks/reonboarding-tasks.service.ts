import { Injectable } from '@nestjs/common';
import { JobSettingsService } from '@comeback/compensation';
import { planReonboardingTasks, todayIn } from '@comeback/domain';
import { AuditService, ForbiddenException, NotFoundException, Principal } from '@comeback/platform';
import type { HireOutcomeEntity } from '../hires/hire-outcome.entity';
import { ReonboardingTaskRow, ReonboardingTasksRepository } from './reonboarding-tasks.repository';

export type { ReonboardingTaskRow } from './reonboarding-tasks.repository';

/**
 * A rehired returnee's re-onboarding (the briefing's checklist, dated) for the job's hiring manager: they see and
 * tick their tasks; HR sees all. Reminders are sent by libs/notifications (`reonboarding_task_due`).
 */
@Injectable()
export class ReonboardingTasksService {
  constructor(
    private readonly repo: ReonboardingTasksRepository,
    private readonly jobs: JobSettingsService,
    private readonly audit: AuditService,
  ) {}

  /** The plan for a returnee's hire, assigned to the job's first hiring manager (by subject, for a stable pick). */
  async createForHire(o: HireOutcomeEntity): Promise<number> {
    const assignees = (await this.jobs.assignees(o.tenantId, o.ats, o.jobId)).sort();
    const hiredOn = todayIn(undefined, o.hiredAt);
    return this.repo.insertPlan(
      { tenantId: o.tenantId, outcomeId: o.id, ats: o.ats, applicationId: o.applicationId, jobId: o.jobId },
      assignees[0] ?? null,
      planReonboardingTasks(hiredOn, o.startsOn),
    );
  }

  dropOpen(outcomeId: string): Promise<void> {
    return this.repo.deleteOpen(outcomeId);
  }

  async list(p: Principal, limit = 200): Promise<ReonboardingTaskRow[]> {
    if (p.role === 'hr_admin') return this.repo.list(p.tenantId, null, limit);
    if (p.role !== 'hiring_manager') throw new ForbiddenException();
    const jobs = await this.jobs.jobsOf(p.tenantId, p.subject);
    return this.repo.list(p.tenantId, { subject: p.subject, jobs }, limit);
  }

  /** Ticks (or unticks) a task: its hiring manager or HR. */
  async setDone(p: Principal, id: string, done: boolean, now = new Date()): Promise<ReonboardingTaskRow> {
    const task = await this.repo.get(p.tenantId, id);
    if (!task) throw new NotFoundException('Task');
    if (p.role !== 'hr_admin') {
      const mine =
        p.role === 'hiring_manager' &&
        (task.assigneeSubject === p.subject ||
          (await this.jobs.isAssigned(p.tenantId, task.ats, task.jobId, p.subject)));
      // Someone else's task answers as if it did not exist: no hint that a returnee was hired there.
      if (!mine) throw new NotFoundException('Task');
    }
    await this.repo.setDone(p.tenantId, id, done, p.subject, now);
    await this.audit.record(p, {
      action: done ? 'reonboarding_task.done' : 'reonboarding_task.reopened',
      targetType: 'reonboarding_task',
      targetId: id,
    });
    return { ...task, doneAt: done ? now : null };
  }

  /** Open tasks due today or earlier: the person's own, or all (HR). */
  countDue(p: Principal, now = new Date()): Promise<number> {
    return this.repo.countOpenDue(
      p.tenantId,
      p.role === 'hr_admin' ? null : p.subject,
      todayIn(undefined, now),
    );
  }
}
