import { canonicalEmail } from './email-normalisation';
import { normalisePhone } from './phone-normalisation';

describe('contact values that identify nobody', () => {
  it.each(['000-0000-0000', '00000000000', '+81 0000 0000', '0120-000-000'])(
    'phone filler %s → null',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
    },
  );

  it.each(['090-1234-5678', '03-1234-5678'])('real number %s is kept', (raw) => {
    expect(normalisePhone(raw)).toMatch(/^\+81\d{9,10}$/);
  });

  it.each([
    'a@b@c.com',
    'taro@.com',
    'taro@example',
    'ta ro@example.com',
    'taro@@example.com',
    '@example.com',
    'taro@',
  ])('malformed e-mail %s → null', (raw) => {
    expect(canonicalEmail(raw)).toBeNull();
  });

  it.each([
    ['Taro.Yamada+jobs@GMAIL.com ', 'taroyamada@gmail.com'],
    ['taro@mail.example.co.jp', 'taro@mail.example.co.jp'],
  ])('valid e-mail %s → %s', (raw, expected) => {
    expect(canonicalEmail(raw)).toBe(expected);
  });
});
