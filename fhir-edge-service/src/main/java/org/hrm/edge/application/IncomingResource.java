package org.hrm.edge.application;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A resource as the hospital's system posted it.
 *
 * @param label how problems name it: the resource type for a single POST, {@code Bundle.entry[i] (fullUrl)} in a
 *     Bundle
 * @param resource the resource, or null for a Bundle entry without one
 * @param refusal why the edge refuses the entry before looking at the resource (an entry that is not a POST), or null
 */
public record IncomingResource(String label, IBaseResource resource, String refusal) {
    public static IncomingResource posted(IBaseResource resource) {
        return new IncomingResource(resource.fhirType(), resource, null);
    }
}
