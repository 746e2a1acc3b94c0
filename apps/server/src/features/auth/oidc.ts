import * as oidcClient from 'openid-client';
import type { OidcConfig } from '../../config.ts';

export interface OidcStart {
  authorizationUrl: URL;
  /** Kept in a short-lived signed cookie until the callback. */
  pending: OidcPending;
}

export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  email: string;
  name: string | null;
}

/** Whether an unknown (but verified) email may get an account: only for the configured domains. */
export function mayRegisterViaOidc(email: string, allowedDomains: readonly string[]): boolean {
  const domain = email.toLowerCase().split('@').at(-1) ?? '';
  return allowedDomains.includes(domain);
}

/**
 * Authorization code flow with PKCE (S256), state and nonce, via openid-client. The issuer is discovered lazily on
 * first use, so a temporarily unreachable identity provider does not stop the server from starting.
 */
export function createOidcClient(config: OidcConfig) {
  let discovered: Promise<oidcClient.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidcClient.discovery(config.issuer, config.clientId, config.clientSecret).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };

  return {
    async start(): Promise<OidcStart> {
      const pending: OidcPending = {
        state: oidcClient.randomState(),
        nonce: oidcClient.randomNonce(),
        codeVerifier: oidcClient.randomPKCECodeVerifier(),
      };
      const authorizationUrl = oidcClient.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri.href,
        scope: 'openid email profile',
        code_challenge: await oidcClient.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { authorizationUrl, pending };
    },

    /** Exchanges the code; returns the verified email of the person, or null when the provider gives none. */
    async finish(callbackPathAndQuery: string, pending: OidcPending): Promise<OidcIdentity | null> {
      const currentUrl = new URL(callbackPathAndQuery, config.redirectUri);
      const tokens = await oidcClient.authorizationCodeGrant(await configuration(), currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (claims === undefined) return null;
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      // An unverified email must never link to an existing account.
      if (email === null || claims.email_verified !== true) return null;
      return { email, name: typeof claims.name === 'string' ? claims.name : null };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
