import { invitationText } from './invitation-texts';
import type { InvitationLanding } from './invitations.service';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(lang: 'ja' | 'en', title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
button{font:inherit;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus{outline:3px solid #f4b400;outline-offset:2px}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/**
 * The invitation link's landing page (public). GET shows it and changes nothing; its button POSTs back to the same
 * URL, which records the click and forwards to the ATS (no GET changes state: security.md).
 */
export function renderInvitationLanding(view: InvitationLanding, action: string): string {
  if (view.state === 'ok') {
    const lang = view.language;
    return page(
      lang,
      invitationText(lang, 'pageTitle', { job: view.jobTitle }),
      `<p>${esc(invitationText(lang, 'pageIntro'))}</p>
<form method="post" action="${esc(action)}"><button type="submit">${esc(invitationText(lang, 'pageContinue'))}</button></form>`,
    );
  }
  const lang = (view.state === 'expired' ? view.language : null) ?? 'ja';
  const [t, b] =
    view.state === 'expired'
      ? (['pageExpiredTitle', 'pageExpired'] as const)
      : (['pageInvalidTitle', 'pageInvalid'] as const);
  // Both languages: we may not know the person's (an unreadable link names no invitation).
  const other = lang === 'ja' ? 'en' : 'ja';
  return page(
    lang,
    invitationText(lang, t),
    `<p>${esc(invitationText(lang, b))}</p><p lang="${other}">${esc(invitationText(other, b))}</p>`,
  );
}
