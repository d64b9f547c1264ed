// The provider sends the browser back here with a code: trade it (with the PKCE verifier) for the access token.
import { saveSession, show } from './api.js';
import { PAGES, PENDING_LOGIN } from './login.js';
import { sessionOf, tokenRequest } from './oidc.js';

async function finish() {
    const message = document.getElementById('callback-message');
    const pending = JSON.parse(sessionStorage.getItem(PENDING_LOGIN) || 'null');
    sessionStorage.removeItem(PENDING_LOGIN);
    const params = new URLSearchParams(location.search);
    try {
        if (params.get('error')) {
            throw new Error(`the identity provider refused: ${params.get('error')} ${params.get('error_description') || ''}`);
        }
        if (!pending || params.get('state') !== pending.state) {
            throw new Error('this login was not started from this page (state mismatch): log in again');
        }
        const response = await fetch(pending.tokenEndpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: tokenRequest({
                code: params.get('code'), redirectUri: pending.redirectUri, clientId: pending.clientId,
                verifier: pending.verifier,
            }),
        });
        const tokens = await response.json();
        if (!response.ok) {
            throw new Error(`the token endpoint answered ${response.status}: ${tokens.error || ''}`);
        }
        const session = sessionOf(tokens.access_token, pending.rolesClaim, pending.partyClaim);
        saveSession(session);
        location.replace(PAGES[session.role] || '/index.html');
    } catch (e) {
        show(message, 'Login failed: ' + e.message, false);
    }
}

finish();
