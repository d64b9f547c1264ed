package org.hrm.edge.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hrm.edge.application.EntryOutcome;
import org.hrm.edge.application.IncomingResource;
import org.hrm.edge.application.IntakeResources;
import org.hrm.edge.application.ResourcesRefused;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * {@code POST /fhir} with a Bundle: {@code transaction} submits every entry or none (any problem: 422 and one
 * OperationOutcome naming each bad entry by index and fullUrl); {@code batch} answers entry by entry. Only POST
 * entries are accepted: records on the platform are append-only, there is nothing to update or delete in place.
 */
public final class BundleProvider {
    private final FhirContext context;
    private final IntakeResources intake;

    public BundleProvider(FhirContext context, IntakeResources intake) {
        this.context = context;
        this.intake = intake;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        List<IncomingResource> entries = entries(bundle);
        if (bundle.getType() == BundleType.TRANSACTION) {
            try {
                return transactionResponse(intake.transaction(entries));
            } catch (ResourcesRefused e) {
                throw Outcomes.refused(context, e.problems());
            }
        }
        if (bundle.getType() == BundleType.BATCH) {
            return batchResponse(intake.batch(entries));
        }
        throw new InvalidRequestException(
                "the edge takes Bundles of type transaction or batch, not " + bundle.getType());
    }

    private static List<IncomingResource> entries(Bundle bundle) {
        List<IncomingResource> entries = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String label = "Bundle.entry[" + i + "]" + (entry.hasFullUrl() ? " (" + entry.getFullUrl() + ")" : "");
            HTTPVerb method = entry.getRequest().getMethod();
            String refusal = method == HTTPVerb.POST
                    ? null
                    : "only POST (create) entries are accepted, not " + (method == null ? "none" : method);
            entries.add(new IncomingResource(label, entry.getResource(), refusal));
        }
        return entries;
    }

    private static Bundle transactionResponse(List<SubmittedRecord> records) {
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        records.forEach(record -> created(response.addEntry(), record));
        return response;
    }

    private Bundle batchResponse(List<EntryOutcome> outcomes) {
        Bundle response = new Bundle().setType(BundleType.BATCHRESPONSE);
        for (EntryOutcome outcome : outcomes) {
            Bundle.BundleEntryComponent entry = response.addEntry();
            if (outcome.accepted()) {
                created(entry, outcome.submitted());
            } else {
                entry.getResponse().setStatus("422 Unprocessable Entity").setOutcome(Outcomes.of(outcome.problems()));
            }
        }
        return response;
    }

    private static void created(Bundle.BundleEntryComponent entry, SubmittedRecord record) {
        entry.getResponse().setStatus("201 Created").setLocation(record.category() + "/" + record.recordId());
    }
}
