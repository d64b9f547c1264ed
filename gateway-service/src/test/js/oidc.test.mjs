import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationUrl, codeChallenge, randomToken, sessionOf, tokenRequest } from '../../main/resources/static/js/oidc.js';

function jwt(claims) {
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

test('the S256 challenge matches RFC 7636 appendix B', async () => {
    assert.equal(
        await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
        'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('verifiers are 43 base64url characters and differ each time', () => {
    const a = randomToken();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, randomToken());
});

test('the authorization URL carries the PKCE challenge and state', () => {
    const url = new URL(authorizationUrl('https://idp.example/auth?kc_idp_hint=x', {
        clientId: 'hrm-portal', redirectUri: 'http://localhost:8080/callback.html', scope: 'openid',
        state: 'st', challenge: 'ch',
    }));
    assert.equal(url.origin + url.pathname, 'https://idp.example/auth');
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('client_id'), 'hrm-portal');
    assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:8080/callback.html');
    assert.equal(url.searchParams.get('code_challenge'), 'ch');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('state'), 'st');
});

test('the token request sends the verifier and no secret', () => {
    const form = new URLSearchParams(tokenRequest({
        code: 'c', redirectUri: 'http://localhost:8080/callback.html', clientId: 'hrm-portal', verifier: 'v',
    }));
    assert.equal(form.get('grant_type'), 'authorization_code');
    assert.equal(form.get('code_verifier'), 'v');
    assert.equal(form.get('client_secret'), null);
});

test('the session takes the subject and the first portal role of the roles claim', () => {
    const token = jwt({ sub: 'patient-alice', roles: ['offline_access', 'patient'] });
    assert.deepEqual(sessionOf(token, 'roles'), { access_token: token, partyId: 'patient-alice', role: 'patient' });
    const keycloak = jwt({ sub: 'dr-chen', realm_access: { roles: ['practitioner'] } });
    assert.equal(sessionOf(keycloak, 'roles').role, 'practitioner');
});

test('the party may come from a claim of its own (Keycloak: party_id)', () => {
    const token = jwt({ sub: '5f1c7a52-uuid', party_id: 'patient-alice', roles: ['patient'] });
    assert.equal(sessionOf(token, 'roles', 'party_id').partyId, 'patient-alice');
    assert.throws(() => sessionOf(jwt({ sub: 'x', roles: ['patient'] }), 'roles', 'party_id'), /no party in claim 'party_id'/);
});

test('a token without a portal role or subject is refused', () => {
    assert.throws(() => sessionOf(jwt({ sub: 'x', roles: ['admin'] }), 'roles'), /none of the roles/);
    assert.throws(() => sessionOf(jwt({ roles: ['patient'] }), 'roles'), /no party/);
    assert.throws(() => sessionOf('opaque-token', 'roles'), /not a JWT/);
});
