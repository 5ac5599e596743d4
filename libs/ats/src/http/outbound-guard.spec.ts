import { connectionUrlProblem, hostMatches, isPublicAddress } from './outbound-guard';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    '[::1]',
    'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => expect(isPublicAddress(ip)).toBe(true),
  );
});

describe('hostMatches', () => {
  it('matches exact hosts, ports and *.domain patterns', () => {
    expect(hostMatches('api.example.com', '443', 'api.example.com')).toBe(true);
    expect(hostMatches('API.example.com', '443', 'api.example.com')).toBe(true);
    expect(hostMatches('127.0.0.1', '4010', '127.0.0.1:4010')).toBe(true);
    expect(hostMatches('127.0.0.1', '4011', '127.0.0.1:4010')).toBe(false);
    expect(hostMatches('acme.example.com', '443', '*.example.com')).toBe(true);
    expect(hostMatches('example.com', '443', '*.example.com')).toBe(false);
    expect(hostMatches('evilexample.com', '443', '*.example.com')).toBe(false);
    expect(hostMatches('example.com.evil.io', '443', '*.example.com')).toBe(false);
  });
});

describe('connectionUrlProblem', () => {
  const vendor = ['api.vendor.test', '*.vendor.test'];
  it('accepts the vendor over https and operator-named hosts over http', () => {
    expect(connectionUrlProblem('https://api.vendor.test/v3', vendor, [])).toBeNull();
    expect(connectionUrlProblem('https://acme.vendor.test/spi/v3', vendor, [])).toBeNull();
    expect(connectionUrlProblem('http://127.0.0.1:4010/v3', vendor, ['127.0.0.1'])).toBeNull();
  });
  it.each([
    'http://api.vendor.test/v3',
    'https://other.test/v3',
    'http://127.0.0.1:4010/v3',
    'http://169.254.169.254/',
    'http://[::ffff:10.0.0.1]/',
    'file:///etc/passwd',
    'https://user:pw@api.vendor.test/',
    'gopher://api.vendor.test/',
  ])('refuses %s', (url) => expect(connectionUrlProblem(url, vendor, [])).not.toBeNull());
});
