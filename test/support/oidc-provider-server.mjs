// A real OpenID Connect provider (oidc-provider v9, an ES module) for the SSO tests, run as a child process so
// Jest's CommonJS module system never loads it. Prints `listening <port>` on stdout.
// The login screen is replaced by a test hook: POST /test/next-login {sub, email, email_verified} chooses who
// "signs in" at the next interaction; login and consent then complete without a form.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const accounts = new Map();
let nextLogin = null;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
  cookies: { keys: ['test-cookie-key-not-secret'] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: false } },
  findAccount: (_ctx, id) => {
    const a = accounts.get(id);
    return a ? { accountId: id, claims: () => ({ sub: id, ...a }) } : undefined;
  },
});

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/next-login' && ctx.method === 'POST') {
    const body = await new Promise((resolve) => {
      let s = '';
      ctx.req.on('data', (c) => (s += c));
      ctx.req.on('end', () => resolve(JSON.parse(s)));
    });
    accounts.set(body.sub, { email: body.email, email_verified: body.email_verified, name: body.name ?? body.sub });
    nextLogin = body.sub;
    ctx.status = 204;
    return;
  }
  if (ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: nextLogin } };
    } else {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid email profile');
      result = { consent: { grantId: await grant.save() } };
    }
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
    return;
  }
  await next();
});

createServer(provider.callback()).listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
