import { INVITATION_TEXTS, INVITATION_TEXT_KEYS, invitationText } from './invitation-texts';

describe('invitation texts', () => {
  it('has every key in Japanese and English, none empty', () => {
    for (const lang of ['ja', 'en'] as const)
      for (const key of INVITATION_TEXT_KEYS) expect(INVITATION_TEXTS[lang][key]).toMatch(/\S/);
  });

  it('fills the placeholders', () => {
    expect(invitationText('ja', 'mailSubject', { job: 'バックエンドエンジニア' })).toBe(
      '「バックエンドエンジニア」へのお誘い',
    );
    expect(invitationText('en', 'pageTitle', { job: 'Backend' })).toBe('Your invitation: Backend');
  });
});
