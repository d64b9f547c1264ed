package org.hrm.edge.application;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Finds whom a resource is about: a Patient or Practitioner resource is about itself; any other resource through the
 * first of its {@code subject}, {@code patient}, {@code practitioner} or (Binary) {@code securityContext} elements
 * that refers to a Patient or a Practitioner. Absolute references keep only {@code Type/id}.
 */
final class OwnerReferences {
    private static final List<String> ELEMENTS = List.of("subject", "patient", "practitioner", "securityContext");

    private final FhirContext context;

    OwnerReferences(FhirContext context) {
        this.context = context;
    }

    /** {@code Patient/123} or {@code Practitioner/9}, if the resource names one. */
    Optional<String> ownerReference(IBaseResource resource) {
        String type = resource.fhirType();
        if (type.equals("Patient") || type.equals("Practitioner")) {
            IIdType id = resource.getIdElement();
            return id.hasIdPart() && !id.getValue().startsWith("urn:")
                    ? Optional.of(type + "/" + id.getIdPart())
                    : Optional.empty();
        }
        for (String element : ELEMENTS) {
            BaseRuntimeChildDefinition child =
                    context.getResourceDefinition(resource).getChildByName(element);
            if (child == null) {
                continue;
            }
            for (Object value : child.getAccessor().getValues(resource)) {
                if (value instanceof IBaseReference reference) {
                    Optional<String> owner = ownerOf(reference.getReferenceElement());
                    if (owner.isPresent()) {
                        return owner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ownerOf(IIdType reference) {
        if (reference == null || !reference.hasResourceType() || !reference.hasIdPart()) {
            return Optional.empty();
        }
        String type = reference.getResourceType();
        return type.equals("Patient") || type.equals("Practitioner")
                ? Optional.of(type + "/" + reference.getIdPart())
                : Optional.empty();
    }
}
