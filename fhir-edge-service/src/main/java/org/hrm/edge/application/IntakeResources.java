package org.hrm.edge.application;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hrm.edge.domain.Owner;
import org.hrm.edge.domain.OwnerMapping;
import org.hrm.edge.domain.PreparedRecord;
import org.hrm.edge.domain.Problem;
import org.hrm.edge.domain.RecordSubmitter;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * Takes resources in: each is validated, mapped to its owner and serialised (HAPI's JSON) before anything is
 * submitted, so a transaction with one bad entry submits nothing. Category = resource type.
 */
public final class IntakeResources {
    private final FhirContext context;
    private final ResourceValidator validator;
    private final OwnerReferences references;
    private final OwnerMapping mapping;
    private final RecordSubmitter submitter;
    private final SubmittedRecords submitted;
    private final int maxRecordBytes;
    private final Clock clock;

    public IntakeResources(
            FhirContext context,
            ResourceValidator validator,
            OwnerMapping mapping,
            RecordSubmitter submitter,
            SubmittedRecords submitted,
            int maxRecordBytes,
            Clock clock) {
        this.context = context;
        this.validator = validator;
        this.references = new OwnerReferences(context);
        this.mapping = mapping;
        this.submitter = submitter;
        this.submitted = submitted;
        this.maxRecordBytes = maxRecordBytes;
        this.clock = clock;
    }

    /** One posted resource. */
    public SubmittedRecord one(IncomingResource incoming) {
        return transaction(List.of(incoming)).get(0);
    }

    /** All or nothing: every entry is checked first; any problem refuses the lot with every entry's problems. */
    public List<SubmittedRecord> transaction(List<IncomingResource> entries) {
        List<PreparedRecord> prepared = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (IncomingResource entry : entries) {
            Checked checked = check(entry);
            problems.addAll(checked.problems());
            prepared.add(checked.record());
        }
        if (entries.isEmpty()) {
            problems.add(new Problem("Bundle", "Bundle.entry", "the Bundle has no entries"));
        }
        if (!problems.isEmpty()) {
            throw new ResourcesRefused(problems);
        }
        return prepared.stream().map(this::submit).toList();
    }

    /** Entry by entry: a refused entry does not stop the others. */
    public List<EntryOutcome> batch(List<IncomingResource> entries) {
        return entries.stream()
                .map(entry -> {
                    Checked checked = check(entry);
                    return checked.problems().isEmpty()
                            ? new EntryOutcome(submit(checked.record()), List.of())
                            : new EntryOutcome(null, checked.problems());
                })
                .toList();
    }

    private SubmittedRecord submit(PreparedRecord record) {
        String recordId = submitter.submit(record);
        SubmittedRecord done = new SubmittedRecord(recordId, record.owner(), record.category(), clock.instant());
        submitted.add(done);
        return done;
    }

    private record Checked(PreparedRecord record, List<Problem> problems) {}

    private Checked check(IncomingResource entry) {
        String label = entry.label();
        if (entry.refusal() != null) {
            return new Checked(null, List.of(new Problem(label, null, entry.refusal())));
        }
        IBaseResource resource = entry.resource();
        if (resource == null) {
            return new Checked(null, List.of(new Problem(label, null, "the entry has no resource")));
        }
        List<Problem> problems = new ArrayList<>(validator.problems(label, resource));
        Optional<Owner> owner = owner(label, resource, problems);
        byte[] plaintext =
                context.newJsonParser().encodeResourceToString(resource).getBytes(UTF_8);
        if (plaintext.length > maxRecordBytes) {
            problems.add(new Problem(
                    label,
                    null,
                    "the resource is " + plaintext.length + " bytes of JSON; the platform takes records of at most "
                            + maxRecordBytes + " bytes"));
        }
        return problems.isEmpty()
                ? new Checked(new PreparedRecord(label, owner.orElseThrow(), resource.fhirType(), plaintext), problems)
                : new Checked(null, problems);
    }

    private Optional<Owner> owner(String label, IBaseResource resource, List<Problem> problems) {
        Optional<String> reference = references.ownerReference(resource);
        if (reference.isEmpty()) {
            problems.add(new Problem(
                    label,
                    resource.fhirType(),
                    "no Patient or Practitioner reference (subject, patient, practitioner or securityContext):"
                            + " the edge cannot tell whose record it is"));
            return Optional.empty();
        }
        Optional<Owner> owner = mapping.ownerOf(reference.get());
        if (owner.isEmpty()) {
            problems.add(new Problem(
                    label,
                    resource.fhirType(),
                    reference.get() + " is not in the hospital's owner mapping: add '" + reference.get()
                            + " = <platform owner id>' to it"));
        }
        return owner;
    }
}
