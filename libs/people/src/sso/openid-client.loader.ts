// openid-client v6 is an ES module. The compiled app (CommonJS) reaches it through a real dynamic import(), which
// Node keeps as is; under Jest, @swc/jest turns it into require() and transforms the package to CommonJS (see
// transformIgnorePatterns in jest.config.js).
import type * as OidcClientModule from 'openid-client' with { 'resolution-mode': 'import' };

export type OidcClient = typeof OidcClientModule;

let loaded: Promise<OidcClient> | null = null;

export function loadOidcClient(): Promise<OidcClient> {
  return (loaded ??= import('openid-client'));
}
