import { call, saveSession, show } from './api.js';

const PAGES = { patient: '/patient.html', practitioner: '/doctor.html', operator: '/ops.html', system: '/v3/api-docs' };

async function start() {
    const list = document.getElementById('users');
    const message = document.getElementById('login-message');
    try {
        const users = (await call('GET', '/dev/users')).body;
        for (const user of users) {
            const button = document.createElement('button');
            button.textContent = `${user.label} — ${user.partyId}`;
            button.dataset.party = user.partyId;
            button.addEventListener('click', () => login(user.partyId, message));
            list.appendChild(button);
        }
    } catch (e) {
        show(message, 'No development login here: ' + e.message, false);
    }
}

async function login(partyId, message) {
    try {
        const answer = (await call('POST', '/dev/login', { partyId })).body;
        saveSession(answer);
        location.href = PAGES[answer.role] || '/index.html';
    } catch (e) {
        show(message, 'Login failed: ' + e.message, false);
    }
}

start();
