import type { MailOutboxEntity } from '@comeback/platform';
import {
  PERSON_LANGUAGES,
  PERSON_ROLES,
  peopleTexts,
  ROLE_TEXT,
  type InvitationEntity,
  type PeopleTranslate,
  type PersonEntity,
  type PersonRole,
} from '@comeback/people';
import { html, type SafeHtml } from '../html';
import { layout, table, type PageContext } from '../layout';

function texts(ctx: PageContext): PeopleTranslate {
  return peopleTexts(ctx.lang);
}

function when(ctx: PageContext, d: Date): string {
  return d.toLocaleString(ctx.lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function tenantField(p: PeopleTranslate, tenant: string): SafeHtml {
  return html`<div>
    <label for="tenant">${p('organisation')}</label>
    <input id="tenant" name="tenant" value="${tenant}" required maxlength="100" autocomplete="organization" aria-describedby="tenant-hint" />
    <p class="hint" id="tenant-hint">${p('organisationHint')}</p>
  </div>`;
}

export type SignInMessage =
  'invalid' | 'sso_required' | 'sso_failed' | 'sso_unknown' | 'reset_done' | 'token_invalid';

/** E-mail + password first; SSO when the organisation has it; the access-token form for API/CLI users last. */
export function signInPage(
  ctx: PageContext,
  opts: { tenant: string; ssoEnabled: boolean; message: SignInMessage | null; email?: string },
): string {
  const p = texts(ctx);
  const { t } = ctx;
  const error =
    opts.message === 'invalid'
      ? p('signInInvalid')
      : opts.message === 'sso_required'
        ? p('signInSsoRequired')
        : opts.message === 'sso_failed'
          ? p('signInSsoFailed')
          : opts.message === 'sso_unknown'
            ? p('signInSsoUnknown')
            : opts.message === 'token_invalid'
              ? t('loginInvalid')
              : null;
  const flash = opts.message === 'reset_done' ? p('signInResetDone') : null;
  return layout(
    ctx,
    p('signInTitle'),
    html`<p>${p('signInIntro')}</p>
      <form method="post" action="/console/sign-in" class="stack">
        ${tenantField(p, opts.tenant)}
        <div>
          <label for="email">${p('email')}</label>
          <input id="email" name="email" type="email" required maxlength="254" autocomplete="username" value="${opts.email ?? ''}" />
        </div>
        <div>
          <label for="password">${p('password')}</label>
          <input id="password" name="password" type="password" required maxlength="200" autocomplete="current-password" />
        </div>
        <div><button type="submit">${p('signIn')}</button></div>
      </form>
      <p><a href="/console/password-reset${opts.tenant ? `?tenant=${encodeURIComponent(opts.tenant)}` : ''}">${p('forgotPassword')}</a></p>
      ${
        opts.ssoEnabled
          ? html`<p>
              <a class="button" href="/console/sso/start?tenant=${encodeURIComponent(opts.tenant)}">${p('signInWithSso')}</a>
            </p>`
          : ''
      }
      <section>
        <h2>${p('machineToken')}</h2>
        <form method="post" action="/console/login" class="stack">
          <div>
            <label for="token">${t('loginToken')}</label>
            <textarea id="token" name="token" class="token" required autocomplete="off" spellcheck="false"></textarea>
          </div>
          <div><button type="submit" class="secondary">${t('loginSubmit')}</button></div>
        </form>
      </section>`,
    { error, flash },
  ).value;
}

export function resetRequestPage(ctx: PageContext, opts: { tenant: string; sent: boolean }): string {
  const p = texts(ctx);
  return layout(
    ctx,
    p('resetTitle'),
    opts.sent
      ? html`<p><a href="/console/login?tenant=${encodeURIComponent(opts.tenant)}">${p('signInTitle')}</a></p>`
      : html`<p>${p('resetIntro')}</p>
          <form method="post" action="/console/password-reset" class="stack">
            ${tenantField(p, opts.tenant)}
            <div>
              <label for="email">${p('email')}</label>
              <input id="email" name="email" type="email" required maxlength="254" autocomplete="username" />
            </div>
            <div><button type="submit">${p('resetSend')}</button></div>
          </form>`,
    { flash: opts.sent ? p('resetSent') : null },
  ).value;
}

function passwordFields(p: PeopleTranslate): SafeHtml {
  return html`<div>
    <label for="password">${p('passwordNew')}</label>
    <input id="password" name="password" type="password" required minlength="12" maxlength="200" autocomplete="new-password" aria-describedby="password-hint" />
    <p class="hint" id="password-hint">${p('passwordHint')}</p>
  </div>`;
}

export function resetConfirmPage(
  ctx: PageContext,
  opts: { token: string; tenant: string; error?: boolean },
): string {
  const p = texts(ctx);
  return layout(
    ctx,
    p('resetChooseTitle'),
    html`<form method="post" action="/console/password-reset/confirm" class="stack">
      <input type="hidden" name="token" value="${opts.token}" />
      <input type="hidden" name="tenant" value="${opts.tenant}" />
      ${passwordFields(p)}
      <div><button type="submit">${p('resetSave')}</button></div>
    </form>`,
    { error: opts.error ? p('passwordTooShort') : null },
  ).value;
}

export function linkInvalidPage(ctx: PageContext): string {
  const p = texts(ctx);
  return layout(
    ctx,
    p('linkInvalidTitle'),
    html`<p>${p('linkInvalid')}</p>
      <p><a href="/console/login">${p('signInTitle')}</a></p>`,
  ).value;
}

export function invitationPage(
  ctx: PageContext,
  opts: { token: string; tenant: string; invitation: InvitationEntity; ssoEnabled: boolean; error?: boolean },
): string {
  const p = texts(ctx);
  return layout(
    ctx,
    p('invitationTitle'),
    html`<p>${p('invitationIntro')}</p>
      <dl>
        <dt>${p('email')}</dt>
        <dd>${opts.invitation.email}</dd>
        <dt>${p('role')}</dt>
        <dd>${p(ROLE_TEXT[opts.invitation.role])}</dd>
      </dl>
      <form method="post" action="/console/invitation" class="stack">
        <input type="hidden" name="token" value="${opts.token}" />
        <input type="hidden" name="tenant" value="${opts.tenant}" />
        <div>
          <label for="displayName">${p('displayName')}</label>
          <input id="displayName" name="displayName" required maxlength="200" value="${opts.invitation.displayName}" autocomplete="name" />
        </div>
        ${passwordFields(p)}
        <div><button type="submit">${p('accept')}</button></div>
      </form>
      ${
        opts.ssoEnabled
          ? html`<p>${p('invitationSsoIntro')}</p>
              <p>
                <a class="button" href="/console/sso/start?tenant=${encodeURIComponent(opts.tenant)}&amp;invitation=${encodeURIComponent(opts.token)}"
                  >${p('signInWithSso')}</a
                >
              </p>`
          : ''
      }`,
    { error: opts.error ? p('passwordTooShort') : null },
  ).value;
}

function roleSelect(p: PeopleTranslate, id: string, selected: PersonRole): SafeHtml {
  return html`<select id="${id}" name="role">
    ${PERSON_ROLES.map(
      (r) => html`<option value="${r}" ${r === selected ? html`selected` : ''}>${p(ROLE_TEXT[r])}</option>`,
    )}
  </select>`;
}

/** HR's People page: who can sign in, their role and state; invite; open invitations. */
export function peoplePage(
  ctx: PageContext,
  opts: { people: PersonEntity[]; invitations: InvitationEntity[]; selfId?: string; flash?: string | null },
): string {
  const p = texts(ctx);
  const { t } = ctx;
  const rows = opts.people.map(
    (person) => html`<tr>
      <td>${person.displayName}</td>
      <td>${person.email}</td>
      <td>
        <form method="post" action="/console/people/${person.id}/role" class="inline">
          <label class="visually-hidden" for="role-${person.id}">${p('role')}: ${person.displayName}</label>
          ${roleSelect(p, `role-${person.id}`, person.role)}
          <button type="submit" class="secondary">${p('changeRole')}</button>
        </form>
      </td>
      <td>${person.language === 'ja' ? p('langJa') : p('langEn')}</td>
      <td>${person.status === 'active' ? p('statusActive') : p('statusDeactivated')}</td>
      <td>
        ${
          person.id === opts.selfId
            ? ''
            : html`<form method="post" action="/console/people/${person.id}/${person.status === 'active' ? 'deactivate' : 'reactivate'}" class="inline">
                <button type="submit" class="secondary" aria-label="${person.status === 'active' ? p('deactivate') : p('reactivate')}: ${person.displayName}">
                  ${person.status === 'active' ? p('deactivate') : p('reactivate')}
                </button>
              </form>`
        }
      </td>
    </tr>`,
  );
  const invitations = opts.invitations.map(
    (i) => html`<tr>
      <td>${i.displayName}</td>
      <td>${i.email}</td>
      <td>${p(ROLE_TEXT[i.role])}</td>
      <td>${when(ctx, i.expiresAt)}</td>
    </tr>`,
  );
  return layout(
    ctx,
    p('peopleTitle'),
    html`${table(
      p('peopleCaption'),
      [t('name'), p('email'), p('role'), p('language'), p('status'), t('actions')],
      rows,
      p('noPeople'),
    )}
      <h2>${p('inviteTitle')}</h2>
      <form method="post" action="/console/people/invitations" class="stack">
        <div>
          <label for="invite-email">${p('email')}</label>
          <input id="invite-email" name="email" type="email" required maxlength="254" />
        </div>
        <div>
          <label for="invite-name">${p('displayName')}</label>
          <input id="invite-name" name="displayName" required maxlength="200" />
        </div>
        <div>
          <label for="invite-role">${p('role')}</label>
          ${roleSelect(p, 'invite-role', 'recruiter')}
        </div>
        <div>
          <label for="invite-language">${p('language')}</label>
          <select id="invite-language" name="language">
            ${PERSON_LANGUAGES.map(
              (l) =>
                html`<option value="${l}" ${l === ctx.lang ? html`selected` : ''}>${l === 'ja' ? p('langJa') : p('langEn')}</option>`,
            )}
          </select>
        </div>
        <div><button type="submit">${p('invite')}</button></div>
      </form>
      <h2>${p('openInvitations')}</h2>
      ${table(p('openInvitations'), [t('name'), p('email'), p('role'), p('expires')], invitations, p('noInvitations'))}`,
    { flash: opts.flash ?? null },
  ).value;
}

/** Embedded mode only: the mail we kept instead of sending. */
export function mailboxPage(ctx: PageContext, mails: MailOutboxEntity[]): string {
  const p = texts(ctx);
  return layout(
    ctx,
    p('mailboxTitle'),
    html`<p>${p('mailboxIntro')}</p>
      ${
        mails.length === 0
          ? html`<p class="empty">${p('mailboxEmpty')}</p>`
          : mails.map(
              (m) => html`<article class="mail">
                <h2>${m.subject}</h2>
                <dl>
                  <dt>${p('to')}</dt>
                  <dd>${m.recipient}</dd>
                  <dt>${p('sent')}</dt>
                  <dd>${when(ctx, m.createdAt)}</dd>
                </dl>
                <pre class="mail-body">${m.textBody}</pre>
              </article>`,
            )
      }`,
  ).value;
}
