package org.hrm.edge.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hrm.edge.application.IntakeResources;
import org.hrm.edge.application.TrackRecords;

/** HAPI's plain RESTful server with the edge's providers: JSON by default, no database behind it. */
public final class EdgeFhirServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    /**
     * The resource types a hospital can POST one at a time (any type can come in a Bundle entry); each becomes a
     * record of that category.
     */
    public static final List<String> RESOURCE_TYPES = List.of(
            "AllergyIntolerance",
            "Binary",
            "CarePlan",
            "Condition",
            "DiagnosticReport",
            "DocumentReference",
            "Encounter",
            "Immunization",
            "MedicationRequest",
            "MedicationStatement",
            "Observation",
            "Patient",
            "Procedure");

    public EdgeFhirServer(FhirContext context, IntakeResources intake, TrackRecords tracking) {
        super(context);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        for (String type : RESOURCE_TYPES) {
            Class<? extends IBaseResource> resourceType =
                    context.getResourceDefinition(type).getImplementingClass();
            registerProvider(new RecordResourceProvider(resourceType, context, intake, tracking));
        }
        registerProvider(new BundleProvider(context, intake));
    }
}
