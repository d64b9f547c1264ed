package org.hrm.gateway.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Search answers as R4 JSON: a {@code searchset} Bundle of every match (no paging: a view keeps at most a few hundred
 * entries per owner), each entry with its full URL under the FHIR base, and errors as an {@code OperationOutcome}.
 */
public final class SearchBundles {
    /** The content type of every answer. */
    public static final String FHIR_JSON = "application/fhir+json";

    private static final FhirContext R4 = FhirContext.forR4Cached();

    private SearchBundles() {}

    /** The matches as a searchset, {@code self} being the search as asked, serialised. */
    public static String searchset(String base, String self, List<? extends Resource> matches, Instant now) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(now));
        bundle.addLink().setRelation("self").setUrl(self);
        for (Resource match : matches) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + match.fhirType() + "/" + match.getIdPart())
                    .setResource(match)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return json().encodeResourceToString(bundle);
    }

    /** One error: {@code code} is an R4 issue-type code ("forbidden", "invalid", "login", ...). */
    public static String outcome(String code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(code))
                .setDiagnostics(diagnostics);
        return json().encodeResourceToString(outcome);
    }

    private static IParser json() {
        return R4.newJsonParser();
    }
}
