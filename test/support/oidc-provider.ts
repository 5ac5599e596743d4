import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './api-harness';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next authorization request. */
  /** Without `email_verified` the provider sends no such claim (as Entra ID often does). */
  nextLogin(account: { sub: string; email: string; email_verified?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Starts test/support/oidc-provider-server.mjs (a real oidc-provider) in a child process. */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const port = await freePort();
  const clientId = 'comeback-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, 'oidc-provider-server.mjs'), String(port), clientId, clientSecret, redirectUri],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`OIDC provider exited (${code}): ${stderr}`)));
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    async nextLogin(account) {
      const res = await fetch(`${issuer}/test/next-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (res.status !== 204) throw new Error(`next-login: ${res.status}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
