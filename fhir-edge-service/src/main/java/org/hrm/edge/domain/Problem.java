package org.hrm.edge.domain;

/**
 * One reason a resource is refused.
 *
 * @param resource which resource: {@code Bundle.entry[2] (urn:uuid:...)} or the posted resource's type
 * @param path where in the resource (a FHIRPath such as {@code Observation.status}), or null
 * @param message what is wrong, in the validator's or the edge's words
 */
public record Problem(String resource, String path, String message) {
    @Override
    public String toString() {
        return resource + (path != null ? " at " + path : "") + ": " + message;
    }
}
