import { TenantCreateCommand, TokenCommand } from './tenant-create.command';

describe('tenant:create / token refuse to mint a token without a named subject', () => {
  it.each([undefined, '', '  ', 'cli:hr_admin', 'cli:integration'])(
    'refuses subject %p before opening any service',
    async (subject) => {
      await expect(new TenantCreateCommand().run(['acme'], { role: 'hr_admin', subject })).rejects.toThrow(
        /subject/,
      );
      await expect(new TokenCommand().run(['acme'], { role: 'hr_admin', subject })).rejects.toThrow(
        /subject/,
      );
    },
  );
});
