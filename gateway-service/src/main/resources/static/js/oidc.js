// Portal login at an OIDC provider: authorization code flow with PKCE (RFC 7636, S256) for a public client, so no
// client secret ever reaches the browser. The gateway checks the token (issuer, audience, expiry, signature); the
// page only reads the subject and role from it to choose its view.

const ROLES = ['patient', 'practitioner', 'system', 'operator'];

export function base64Url(bytes) {
    let binary = '';
    for (const b of bytes) {
        binary += String.fromCharCode(b);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 code challenge of a verifier (RFC 7636 section 4.2). */
export async function codeChallenge(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64Url(new Uint8Array(digest));
}

/** A fresh random value of 32 bytes, base64url: the PKCE verifier (43 characters) or the state. */
export function randomToken() {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Where to send the browser to log in. */
export function authorizationUrl(endpoint, { clientId, redirectUri, scope, state, challenge }) {
    const url = new URL(endpoint);
    url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope,
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
    }).toString();
    return url.toString();
}

/** The form body that trades the code for tokens at the token endpoint. */
export function tokenRequest({ code, redirectUri, clientId, verifier }) {
    return new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
    }).toString();
}

/**
 * The subject and the portal role an access token names. Not a verification: the gateway verifies every call; this
 * only picks the page to show.
 */
export function sessionOf(accessToken, rolesClaim, partyClaim = 'sub') {
    const parts = String(accessToken).split('.');
    if (parts.length !== 3) {
        throw new Error('the provider returned an access token that is not a JWT');
    }
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    const granted = [].concat(claims[rolesClaim] ?? claims.realm_access?.roles ?? []);
    const role = ROLES.find((candidate) => granted.includes(candidate));
    const partyId = claims[partyClaim];
    if (!partyId || !role) {
        throw new Error(`the token names no party in claim '${partyClaim}' or none of the roles ${ROLES.join(', ')}`
            + ` in claim '${rolesClaim}'`);
    }
    return { access_token: accessToken, partyId, role };
}

/** Reads the provider's endpoints (OpenID Connect Discovery). */
export async function discover(authority) {
    const response = await fetch(authority.replace(/\/$/, '') + '/.well-known/openid-configuration');
    if (!response.ok) {
        throw new Error(`the identity provider at ${authority} did not answer its discovery document`);
    }
    return response.json();
}
