import { Controller, Get, Header, Inject } from '@nestjs/common';
import { SimulatorState } from './simulator-state.service';

function esc(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#222}h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}.tag{display:inline-block;background:#e8f0fe;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0}
.muted{color:#777}.note{margin:.15rem 0}`;

/** A glance at what the product wrote back, for the demo. Re-renders every 5 seconds. */
@Controller()
export class HomePageController {
  constructor(@Inject(SimulatorState) private readonly state: SimulatorState) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    const gh = this.state.gh;
    const wk = this.state.wk;
    const tags = (list: string[]) =>
      list.length
        ? list.map((t) => `<span class="tag">${esc(t)}</span>`).join('')
        : '<span class="muted">—</span>';
    const ghRows = gh.candidates.map((c) => {
      const apps = gh.applications
        .filter((a) => a.candidate_id === c.id)
        .map(
          (a) =>
            `${esc(this.state.ghJob(a.job_id)?.name)} (#${a.id}): <b>${esc(this.state.ghStage(a.job_interview_stage_id)?.name)}</b> <span class="muted">${esc(a.status)}</span>`,
        )
        .join('<br>');
      const notes = gh.notes
        .filter((n) => n.candidate_id === c.id)
        .map(
          (n) =>
            `<div class="note"><span class="muted">[${esc(n.visibility)} · ${esc(this.state.ghUser(n.user_id)?.name)}]</span> ${esc(n.body)}</div>`,
        )
        .join('');
      return `<tr><td>${esc(c.company)}</td><td>#${c.id} ${esc(c.first_name)} ${esc(c.last_name)}<br><span class="muted">${esc(c.email_addresses.map((e) => e.value).join(', '))}</span></td><td>${tags(c.tags)}</td><td>${apps || '—'}</td><td>${notes || '<span class="muted">—</span>'}</td></tr>`;
    });
    const wkRows = wk.candidates.map((c) => {
      const job = this.state.wkJob(c.job_shortcode);
      const stage = job?.stages.find((s) => s.slug === c.stage_slug);
      const comments = c.comments
        .map(
          (m) =>
            `<div class="note"><span class="muted">[${esc(m.policy.join(', ') || 'public')}]</span> ${esc(m.body)}</div>`,
        )
        .join('');
      return `<tr><td>${esc(c.company)}</td><td>${esc(c.id)} ${esc(c.firstname)} ${esc(c.lastname)}<br><span class="muted">${esc(c.email)}</span></td><td>${tags(c.tags)}</td><td>${esc(job?.title)}: <b>${esc(stage?.name ?? c.stage_slug)}</b></td><td>${comments || '<span class="muted">—</span>'}</td></tr>`;
    });
    const table = (head: string, rows: string[]) =>
      rows.length
        ? `<table><tr><th>company</th><th>candidate</th><th>tags</th>${head}</tr>${rows.join('')}</table>`
        : '<p class="muted">No candidates.</p>';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>ATS simulator</title><style>${STYLE}</style></head><body>
<h1>ATS simulator</h1><p class="muted">Fake Greenhouse Harvest v3 and Workable SPI v3 for demos and tests. Control API under <code>/_sim</code>.</p>
<h2>Greenhouse</h2>${table('<th>applications (job: current stage)</th><th>notes</th>', ghRows)}
<h2>Workable</h2>${table('<th>job: stage</th><th>comments</th>', wkRows)}
</body></html>`;
  }
}
