// The portal's HTTP client: the bearer token from the login page, problem-details errors as exceptions.

const TOKEN = 'hrm.token';
const PARTY = 'hrm.party';
const ROLE = 'hrm.role';

export function session() {
    return {
        token: sessionStorage.getItem(TOKEN),
        partyId: sessionStorage.getItem(PARTY),
        role: sessionStorage.getItem(ROLE),
    };
}

export function saveSession(login) {
    sessionStorage.setItem(TOKEN, login.access_token);
    sessionStorage.setItem(PARTY, login.partyId);
    sessionStorage.setItem(ROLE, login.role);
}

export function logout() {
    sessionStorage.clear();
    location.href = '/index.html';
}

/** Sends page visitors without a session, or with another role, to the login page. */
export function requireRole(role) {
    const current = session();
    if (!current.token || current.role !== role) {
        location.href = '/index.html';
        throw new Error('not logged in as ' + role);
    }
    return current;
}

/** A failed call: the HTTP status and the problem-details body's title and detail. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || 'HTTP ' + status);
        this.status = status;
        this.problem = problem;
    }
}

/** Calls the API; resolves {status, body, headers} for 2xx, rejects with ApiError otherwise. */
export async function call(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = session().token;
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, parsed || {});
    }
    return { status: response.status, body: parsed, headers: response.headers };
}

/** Fetch a record: waits for the vault's answer, polling while the gateway answers 202. */
/** The gateway's final answer to one fetch, with the request id of the first answer (the request this page made). */
export async function fetchRecord(recordId) {
    let answer = await call('POST', `/api/records/${recordId}/fetch`);
    const requestId = answer.body && answer.body.requestId;
    for (let attempt = 0; answer.status === 202 && attempt < 60; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        answer = await call('GET', answer.headers.get('Location'));
    }
    if (answer.status === 202) {
        throw new ApiError(504, { detail: 'the vault has not answered yet; try again' });
    }
    return { ...answer.body, askedRequestId: requestId };
}

export function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function show(element, text, ok) {
    element.textContent = text;
    element.className = 'message ' + (ok ? 'ok' : 'error');
    element.hidden = false;
}
