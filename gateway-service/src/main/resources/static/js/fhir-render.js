// Shows a decrypted record as a person reads it when it is one of the FHIR R4 resources below, with the raw JSON one
// click away; anything else is left to the caller's raw display. A record is untrusted input (any author with a key
// writes what it likes), so every string from it reaches the page through textContent or a sanitized attribute, never
// as markup, and an attachment is offered as a download, never opened or fetched by the page.

const DESCRIBERS = {
    Observation: observation,
    Condition: condition,
    MedicationRequest: medicationRequest,
    AllergyIntolerance: allergyIntolerance,
    DocumentReference: documentReference,
};

/** The resource types rendered; any other record is shown raw. */
export const RENDERED_TYPES = Object.freeze(Object.keys(DESCRIBERS));

/**
 * A record's text as a plain description {resourceType, title, fields: [{label, value}], attachments}, or null when
 * it is not JSON or not one of RENDERED_TYPES (the caller then shows the text as it is). Never throws on odd content:
 * a field of the wrong shape is left out, as a missing one is.
 */
export function describeRecord(text) {
    let resource;
    try {
        resource = JSON.parse(text);
    } catch {
        return null;
    }
    if (!isObject(resource) || typeof resource.resourceType !== 'string'
        || !Object.hasOwn(DESCRIBERS, resource.resourceType)) {
        return null;
    }
    const { title, fields, attachments = [] } = DESCRIBERS[resource.resourceType](resource);
    return { resourceType: resource.resourceType, title, fields: fields.filter((f) => f.value), attachments };
}

function observation(r) {
    const fields = [field('Value', choice(r, 'value') ?? absent(r))];
    for (const component of list(r.component)) {
        fields.push(field(concept(component.code) ?? 'Component', choice(component, 'value') ?? absent(component)));
    }
    fields.push(
        field('When', choice(r, 'effective')),
        field('Status', text(r.status)),
        field('Interpretation', concepts(r.interpretation)),
        field('Reference range', joined(list(r.referenceRange).map(referenceRange), '; ')));
    return { title: concept(r.code) ?? 'Observation without a code', fields };
}

function condition(r) {
    return {
        title: concept(r.code) ?? 'Condition without a code',
        fields: [
            field('Clinical status', concept(r.clinicalStatus)),
            field('Verification', concept(r.verificationStatus)),
            field('Severity', concept(r.severity)),
            field('Onset', choice(r, 'onset')),
            field('Abated', choice(r, 'abatement')),
        ],
    };
}

function medicationRequest(r) {
    return {
        title: concept(r.medicationCodeableConcept) ?? reference(r.medicationReference) ?? 'Medication not stated',
        fields: [
            field('Dosage', joined(list(r.dosageInstruction).map((d) => text(d.text)), '; ')),
            field('Status', text(r.status)),
            field('Intent', text(r.intent)),
            field('Authored on', when(r.authoredOn)),
            field('Prescriber', reference(r.requester)),
        ],
    };
}

function allergyIntolerance(r) {
    const fields = [
        field('Criticality', text(r.criticality)),
        field('Clinical status', concept(r.clinicalStatus)),
        field('Verification', concept(r.verificationStatus)),
        field('Type', text(r.type)),
        field('Category', joined(list(r.category, 'string').map(text), ', ')),
    ];
    for (const reaction of list(r.reaction)) {
        fields.push(field('Reaction', reactionOf(reaction)));
    }
    return { title: concept(r.code) ?? 'Substance not stated', fields };
}

function reactionOf(reaction) {
    const manifestations = concepts(reaction.manifestation) ?? 'manifestation not stated';
    const details = [text(reaction.severity), concept(reaction.substance) && `to ${concept(reaction.substance)}`,
        when(reaction.onset) && `onset ${when(reaction.onset)}`].filter(Boolean);
    const description = text(reaction.description);
    return manifestations + (details.length ? ` (${details.join(', ')})` : '') + (description ? `: ${description}` : '');
}

function documentReference(r) {
    return {
        title: concept(r.type) ?? 'Document',
        fields: [
            field('Date', when(r.date)),
            field('Description', text(r.description)),
            field('Status', text(r.status)),
            field('Author', joined(list(r.author).map(reference), ', ')),
        ],
        attachments: list(r.content).map((content, i) => describeAttachment(content.attachment, i)).filter(Boolean),
    };
}

/**
 * An attachment as {title, contentType, size, download: {filename, blobType, bytes}} for inline base64 data,
 * {title, contentType, url} for a reference (shown as text: the page never fetches it), or {title, contentType,
 * problem}; null when it is not an object.
 */
export function describeAttachment(attachment, index = 0) {
    if (!isObject(attachment)) {
        return null;
    }
    const title = text(attachment.title);
    const contentType = text(attachment.contentType);
    const described = { title: title ?? `attachment ${index + 1}`, contentType };
    if (attachment.data !== undefined) {
        const bytes = base64Bytes(attachment.data);
        if (!bytes) {
            return { ...described, problem: 'its data is not valid base64' };
        }
        return { ...described, size: bytes.length,
            download: { filename: safeFilename(title, contentType), blobType: inertType(contentType), bytes } };
    }
    const url = text(attachment.url);
    return url ? { ...described, url } : { ...described, problem: 'it has neither data nor a url' };
}

const EXTENSIONS = {
    'application/pdf': ['.pdf'], 'image/png': ['.png'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/gif': ['.gif'],
    'text/plain': ['.txt'], 'text/csv': ['.csv'], 'application/json': ['.json'], 'application/fhir+json': ['.json'],
    'application/xml': ['.xml'], 'text/xml': ['.xml'], 'application/dicom': ['.dcm'], 'application/rtf': ['.rtf'],
};

/**
 * A file name for saving an attachment: the title without path separators, control or bidi-override characters and
 * characters reserved on common file systems, trimmed of leading and trailing dots, at most 100 characters, with the
 * extension of the declared content type appended when it differs (so "scan.exe" declared as PDF saves as
 * "scan.exe.pdf"); "attachment" when nothing is left.
 */
export function safeFilename(title, contentType) {
    let name = String(title ?? '').normalize('NFC')
        .replace(/[\u0000-\u001f\u007f-\u009f\\/:*?"<>|]/g, '_')
        .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ')
        .replace(/^[.\s]+|[.\s]+$/g, '');
    name = Array.from(name).slice(0, 100).join('').trim() || 'attachment';
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) {
        name = '_' + name;
    }
    const extensions = EXTENSIONS[baseType(contentType)];
    if (extensions && !extensions.some((e) => name.toLowerCase().endsWith(e))) {
        name += extensions[0];
    }
    return name;
}

// A blob: URL has the portal's origin, so a blob the browser would render (HTML, SVG) could run script next to the
// session's token if opened in a tab: only types that cannot carry script keep their type, the rest are octet-stream.
const INERT_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain']);

/** The type given to an attachment's blob: the declared type if it is inert, otherwise application/octet-stream. */
export function inertType(contentType) {
    const type = baseType(contentType);
    return INERT_TYPES.has(type) ? type : 'application/octet-stream';
}

function baseType(contentType) {
    return String(contentType ?? '').split(';')[0].trim().toLowerCase();
}

function base64Bytes(data) {
    if (typeof data !== 'string') {
        return null;
    }
    const compact = data.replace(/\s+/g, '');
    if (!compact || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
        return null;
    }
    return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
}

// value[x], onset[x], effective[x]...: the first present type that describes to something.
const CHOICE_TYPES = {
    Quantity: quantity,
    Age: quantity,
    CodeableConcept: concept,
    String: text,
    Boolean: (v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : null),
    Integer: text,
    Range: range,
    Ratio: ratio,
    Time: text,
    DateTime: when,
    Instant: when,
    Period: period,
    SampledData: (v) => (isObject(v) ? 'sampled data (see the raw JSON)' : null),
    Timing: (v) => (isObject(v) ? 'a schedule (see the raw JSON)' : null),
};

function choice(element, name) {
    for (const [type, describe] of Object.entries(CHOICE_TYPES)) {
        const value = Object.hasOwn(element, name + type) ? describe(element[name + type]) : null;
        if (value) {
            return value;
        }
    }
    return null;
}

function absent(element) {
    const reason = concept(element.dataAbsentReason);
    return reason ? `not recorded (${reason})` : null;
}

/** A CodeableConcept as text: its text, else a coding's display, else a coding's code (with its system). */
export function concept(cc) {
    if (!isObject(cc)) {
        return null;
    }
    const codings = list(cc.coding);
    const display = codings.map((c) => text(c.display)).find(Boolean);
    const coded = codings.find((c) => text(c.code));
    return text(cc.text) ?? display
        ?? (coded ? text(coded.code) + (text(coded.system) ? ` (${text(coded.system)})` : '') : null);
}

function concepts(value) {
    return joined(list(value).map(concept), ', ');
}

/** A Quantity as "comparator value unit", e.g. "<5 mmol/L"; null without a value. */
export function quantity(q) {
    if (!isObject(q) || text(q.value) === null) {
        return null;
    }
    const unit = text(q.unit) ?? text(q.code);
    return (text(q.comparator) ?? '') + text(q.value) + (unit ? ` ${unit}` : '');
}

function range(r) {
    if (!isObject(r)) {
        return null;
    }
    const low = quantity(r.low);
    const high = quantity(r.high);
    const sameUnit = low && high && unitOf(r.low) === unitOf(r.high);
    if (sameUnit && !text(r.low.comparator)) {
        return `${text(r.low.value)}–${high}`;
    }
    return low && high ? `${low}–${high}` : low ? `≥ ${low}` : high ? `≤ ${high}` : null;
}

function unitOf(q) {
    return text(q.unit) ?? text(q.code);
}

function referenceRange(r) {
    const described = [range(r), concept(r.type), text(r.text)].filter(Boolean);
    return described.length ? described.join(', ') : null;
}

function ratio(r) {
    return isObject(r) && quantity(r.numerator) && quantity(r.denominator)
        ? `${quantity(r.numerator)} / ${quantity(r.denominator)}`
        : null;
}

function period(p) {
    if (!isObject(p)) {
        return null;
    }
    const start = when(p.start);
    const end = when(p.end);
    return start && end ? `${start} to ${end}` : start ? `from ${start}` : end ? `until ${end}` : null;
}

function reference(r) {
    return isObject(r) ? text(r.display) ?? text(r.reference) : null;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A FHIR date or dateTime as read: "2026-03-01 09:30 +01:00" ("UTC" for Z); partial dates as written. */
export function when(value) {
    const s = text(value);
    const m = s && DATE_TIME.exec(s);
    if (!m) {
        return s;
    }
    return `${m[1]} ${m[2]}` + (m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : '');
}

function field(label, value) {
    return { label, value };
}

function text(value) {
    if (typeof value === 'string') {
        return value.trim() || null;
    }
    return typeof value === 'number' && Number.isFinite(value) || typeof value === 'boolean' ? String(value) : null;
}

function joined(values, separator) {
    const present = values.filter(Boolean);
    return present.length ? present.join(separator) : null;
}

function list(value, kind = 'object') {
    return Array.isArray(value)
        ? value.filter((v) => (kind === 'object' ? isObject(v) : typeof v === kind))
        : [];
}

function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// The DOM part: built with createElement and textContent only.

const objectUrls = [];

/** Empties the container and revokes the download links of the record shown before. */
export function clearRecord(container) {
    objectUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
    container.replaceChildren();
}

/**
 * Renders a record's text into the container and answers true, or answers false (container left empty) when
 * describeRecord does not know it: the caller then shows the text raw.
 */
export function renderRecord(container, recordText, doc = document) {
    clearRecord(container);
    let description;
    try {
        description = describeRecord(recordText);
    } catch {
        description = null;
    }
    if (!description) {
        return false;
    }
    const el = elementMaker(doc);
    const article = el('article', null, 'fhir');
    article.append(el('p', description.resourceType, 'fhir-type'), el('h3', description.title));
    const fields = el('dl');
    for (const { label, value } of description.fields) {
        fields.append(el('dt', label), el('dd', value));
    }
    article.append(fields);
    if (description.attachments.length) {
        const attachments = el('ul', null, 'attachments');
        attachments.append(...description.attachments.map((a) => attachmentItem(a, el)));
        article.append(attachments);
    }
    const raw = el('details', null, 'raw-json');
    raw.append(el('summary', 'Raw JSON'), el('pre', recordText, 'plaintext'));
    article.append(raw);
    container.append(article);
    return true;
}

function attachmentItem(attachment, el) {
    const item = el('li', `${attachment.title} (${attachment.contentType ?? 'type not stated'}`
        + (attachment.download ? `, ${attachment.download.bytes.length} bytes) ` : ') '));
    if (attachment.download) {
        const { filename, blobType, bytes } = attachment.download;
        const url = URL.createObjectURL(new Blob([bytes], { type: blobType }));
        objectUrls.push(url);
        const link = el('a', `download ${filename}`);
        link.href = url;
        link.download = filename;
        item.append(link);
    } else if (attachment.url) {
        item.append(el('span', 'stored elsewhere, not fetched by this page: '), el('code', attachment.url));
    } else {
        item.append(el('span', `cannot be offered: ${attachment.problem}`, 'problem'));
    }
    return item;
}

function elementMaker(doc) {
    return (tag, content, className) => {
        const element = doc.createElement(tag);
        if (content !== null && content !== undefined) {
            element.textContent = content;
        }
        if (className) {
            element.className = className;
        }
        return element;
    };
}
