// HR's sign-in settings: the tenant's OpenID Connect provider and the named machine tokens.
import { html } from '../html';
import { isMessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import { formatDateTime } from './common';

export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  required: boolean;
  trustUnverifiedEmail: boolean;
}

export function ssoPage(
  ctx: PageContext,
  data: {
    settings: SsoSettingsView | null;
    redirectUri: string;
    testLink: string;
    /** What HR typed, shown back after a refusal (never the secret). */
    form?: Partial<SsoSettingsView> | null;
    error?: string | null;
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  const s = { ...(data.settings ?? {}), ...(data.form ?? {}) };
  const checked = (v: boolean | undefined) => (v ? html` checked` : '');
  return layout(
    ctx,
    t('ssoTitle'),
    html`<p>${t('ssoIntro')}</p>
<dl class="facts"><dt>${t('ssoRedirectUri')}</dt><dd><code data-testid="sso-redirect-uri">${data.redirectUri}</code></dd>
<dt>${t('status')}</dt><dd data-testid="sso-status">${data.settings ? t('ssoConfigured') : t('ssoNotConfigured')}</dd></dl>
<form method="post" action="/console/sso" class="stack" data-testid="sso-form">
  <div class="field"><label for="sso-issuer">${t('ssoIssuer')}</label><input id="sso-issuer" name="issuer" type="url" required maxlength="500" value="${s.issuer ?? ''}" aria-describedby="sso-issuer-help"><p class="hint" id="sso-issuer-help">${t('ssoIssuerHelp')}</p></div>
  <div class="field"><label for="sso-client">${t('ssoClientId')}</label><input id="sso-client" name="clientId" required maxlength="300" value="${s.clientId ?? ''}"></div>
  <div class="field"><label for="sso-secret">${t('ssoClientSecret')}</label><input id="sso-secret" name="clientSecret" type="password" required maxlength="1000" autocomplete="off" aria-describedby="sso-secret-help"><p class="hint" id="sso-secret-help">${t('ssoClientSecretHelp')}</p></div>
  <div class="field"><input type="checkbox" id="sso-required" name="required" value="true"${checked(s.required)}> <label for="sso-required">${t('ssoRequired')}</label></div>
  <div class="field"><input type="checkbox" id="sso-trust" name="trustUnverifiedEmail" value="true"${checked(s.trustUnverifiedEmail)} aria-describedby="sso-trust-help"> <label for="sso-trust">${t('ssoTrustEmail')}</label><p class="hint" id="sso-trust-help">${t('ssoTrustEmailHelp')}</p></div>
  <div><button type="submit">${t('ssoSave')}</button></div>
</form>
${
  data.settings
    ? html`<h2>${t('ssoTestLink')}</h2><p class="hint">${t('ssoTestHint')}</p><p><a href="${data.testLink}" data-testid="sso-test-link">${data.testLink}</a></p>
<form method="post" action="/console/sso/remove"><button type="submit" class="secondary">${t('ssoRemove')}</button></form>`
    : ''
}`,
    { error: data.error, flash: data.flash },
  ).value;
}

export interface MachineTokenView {
  jti: string;
  name: string;
  role: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
}

export function tokensPage(
  ctx: PageContext,
  data: {
    tokens: MachineTokenView[];
    created?: { name: string; token: string; jti: string } | null;
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  const roleLabel = (r: string) => (isMessageKey(`role_${r}`) ? t(`role_${r}` as never) : r);
  return layout(
    ctx,
    t('tokensTitle'),
    html`<p>${t('tokensIntro')}</p>
${
  data.created
    ? html`<section class="card" aria-labelledby="created-h" data-testid="token-created"><h2 id="created-h">${t('tokenValue')}: ${data.created.name}</h2>
<p class="error" role="alert">${t('tokenCreatedOnce')}</p>
<label for="new-token">${t('tokenValue')}</label><textarea id="new-token" readonly rows="4">${data.created.token}</textarea>
<p>jti: <code>${data.created.jti}</code></p></section>`
    : ''
}
<form method="post" action="/console/tokens" class="row">
  <div><label for="token-name">${t('tokenName')}</label><input id="token-name" name="name" required maxlength="100"></div>
  <div><label for="token-role">${t('tokenRole')}</label><select id="token-role" name="role"><option value="integration">${roleLabel('integration')}</option></select></div>
  <div><label for="token-days">${t('tokenExpiresInDays')}</label><input id="token-days" name="expiresInDays" type="number" min="1" max="366" value="90"></div>
  <div><button type="submit">${t('tokenCreate')}</button></div>
</form>
${table(
  t('tokensTitle'),
  [
    t('tokenName'),
    t('tokenRole'),
    t('tokenCreatedBy'),
    t('tokenCreatedAt'),
    t('tokenExpiresAt'),
    t('tokenStatus'),
    t('actions'),
  ],
  data.tokens.map(
    (k) =>
      html`<tr><td>${k.name}</td><td>${roleLabel(k.role)}</td><td>${k.createdBy}</td><td>${formatDateTime(k.createdAt, ctx.lang)}</td><td>${formatDateTime(k.expiresAt, ctx.lang)}</td>
<td>${k.revoked ? t('tokenRevoked') : t('tokenActive')}</td>
<td>${k.revoked ? '' : html`<form method="post" action="/console/tokens/${encodeURIComponent(k.jti)}/revoke"><button type="submit" class="secondary">${t('tokenRevoke')}<span class="visually-hidden"> ${k.name}</span></button></form>`}</td></tr>`,
  ),
  t('none'),
)}`,
    { flash: data.flash },
  ).value;
}
