package org.hrm.edge.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hrm.edge.application.IncomingResource;
import org.hrm.edge.application.IntakeResources;
import org.hrm.edge.application.ResourcesRefused;
import org.hrm.edge.application.TrackRecords;
import org.hrm.edge.domain.RecordUnreadableException;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * {@code POST /fhir/<Type>} submits one resource as a record (201, Location {@code <Type>/<record id>});
 * {@code GET /fhir/<Type>/<record id>} reads a record this edge submitted back, as the hospital may read it.
 */
public final class RecordResourceProvider implements IResourceProvider {
    private final Class<? extends IBaseResource> type;
    private final FhirContext context;
    private final IntakeResources intake;
    private final TrackRecords tracking;

    public RecordResourceProvider(
            Class<? extends IBaseResource> type, FhirContext context, IntakeResources intake, TrackRecords tracking) {
        this.type = type;
        this.context = context;
        this.intake = intake;
        this.tracking = tracking;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource) {
        SubmittedRecord record;
        try {
            record = intake.one(IncomingResource.posted(resource));
        } catch (ResourcesRefused e) {
            throw Outcomes.refused(context, e.problems());
        }
        MethodOutcome outcome = new MethodOutcome(new IdType(record.category(), record.recordId()), true);
        outcome.setOperationOutcome(Outcomes.information("submitted as record " + record.recordId() + " of "
                + record.owner().ownerId() + ", category " + record.category()));
        return outcome;
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
        String recordId = id.getIdPart();
        SubmittedRecord record = tracking.submitted()
                .find(recordId)
                .filter(found -> found.category().equals(context.getResourceType(type)))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        byte[] plaintext;
        try {
            plaintext = tracking.read(record.recordId()).orElseThrow(() -> new ResourceNotFoundException(id));
        } catch (RecordUnreadableException e) {
            throw new ResourceNotFoundException(
                    "record " + recordId + " is not readable by the hospital: " + e.getMessage());
        }
        IBaseResource resource =
                context.newJsonParser().parseResource(type, new String(plaintext, StandardCharsets.UTF_8));
        resource.setId(new IdType(record.category(), record.recordId()));
        return resource;
    }
}
