import { html } from '../html';
import { layout, type PageContext } from '../layout';

export function loginPage(ctx: PageContext, error: string | null): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('loginTitle'),
    html`<p>${t('loginIntro')}</p>
      <form method="post" action="/console/login" class="stack">
        <div>
          <label for="token">${t('loginToken')}</label>
          <textarea
            id="token"
            name="token"
            class="token"
            required
            autocomplete="off"
            spellcheck="false"
          ></textarea>
        </div>
        <div><button type="submit">${t('loginSubmit')}</button></div>
      </form>`,
    { error },
  ).value;
}

export function errorPage(ctx: PageContext, status: number, detail?: string, csrf = false): string {
  const { t } = ctx;
  const [title, text] =
    status === 404
      ? [t('notFoundTitle'), t('notFound')]
      : status === 429
        ? [t('tooManyTitle'), t('tooMany')]
        : status === 403 && csrf
          ? [t('csrfFailedTitle'), t('csrfFailed')]
          : status === 403
            ? [t('forbiddenTitle'), t('forbidden')]
            : status < 500
              ? [t('errorTitle'), t('badRequest')]
              : [t('errorTitle'), t('errorTitle')];
  return layout(
    ctx,
    title,
    html`<p>${text}</p>
      ${detail ? html`<p class="hint">${detail}</p>` : ''}
      <p><a href="/console">${t('back')}</a></p>`,
  ).value;
}
