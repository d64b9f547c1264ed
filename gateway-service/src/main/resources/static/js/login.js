import { call, saveSession, show } from './api.js';
import { authorizationUrl, codeChallenge, discover, randomToken } from './oidc.js';

export const PAGES = { patient: '/patient.html', practitioner: '/doctor.html', operator: '/ops.html', system: '/v3/api-docs' };
export const PENDING_LOGIN = 'hrm.oidc.pending';

async function start() {
    const message = document.getElementById('login-message');
    let config;
    try {
        config = (await call('GET', '/portal-config.json')).body;
    } catch (e) {
        show(message, 'The gateway did not say how to log in: ' + e.message, false);
        return;
    }
    if (config.oidc) {
        const button = document.getElementById('oidc-login');
        button.hidden = false;
        button.addEventListener('click', () => loginAtProvider(config, message));
    }
    if (config.devLogin) {
        document.getElementById('dev-login').hidden = false;
        await listDevUsers(message);
    }
    if (!config.oidc && !config.devLogin) {
        show(message, 'No login is configured on this gateway (hrm.gateway.portal.oidc-authority).', false);
    }
}

async function loginAtProvider(config, message) {
    try {
        const provider = await discover(config.oidc.authority);
        const verifier = randomToken();
        const state = randomToken();
        const redirectUri = location.origin + '/callback.html';
        sessionStorage.setItem(PENDING_LOGIN, JSON.stringify({
            verifier, state, redirectUri, tokenEndpoint: provider.token_endpoint,
            clientId: config.oidc.clientId, rolesClaim: config.rolesClaim, partyClaim: config.partyClaim,
        }));
        location.href = authorizationUrl(provider.authorization_endpoint, {
            clientId: config.oidc.clientId, redirectUri, scope: config.oidc.scope, state,
            challenge: await codeChallenge(verifier),
        });
    } catch (e) {
        show(message, 'Login failed: ' + e.message, false);
    }
}

async function listDevUsers(message) {
    const list = document.getElementById('users');
    try {
        const users = (await call('GET', '/dev/users')).body;
        for (const user of users) {
            const button = document.createElement('button');
            button.textContent = `${user.label} — ${user.partyId}`;
            button.dataset.party = user.partyId;
            button.addEventListener('click', () => devLogin(user.partyId, message));
            list.appendChild(button);
        }
    } catch (e) {
        show(message, 'No development login here: ' + e.message, false);
    }
}

async function devLogin(partyId, message) {
    try {
        const answer = (await call('POST', '/dev/login', { partyId })).body;
        saveSession(answer);
        location.href = PAGES[answer.role] || '/index.html';
    } catch (e) {
        show(message, 'Login failed: ' + e.message, false);
    }
}

if (document.getElementById('users')) {
    start();
}
