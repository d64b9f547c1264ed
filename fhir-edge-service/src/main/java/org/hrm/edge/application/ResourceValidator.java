package org.hrm.edge.application;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hrm.edge.domain.Problem;

/**
 * HAPI's instance validator against the R4 base profiles, offline: the structure definitions and value sets come from
 * the {@code hapi-fhir-validation-resources-r4} jar, codes are checked in memory (plus the common code systems such
 * as UCUM, BCP-47 and MIME types), and nothing is fetched from the network. Errors and fatal issues refuse a
 * resource; warnings and information do not (an unknown LOINC code is a warning: no terminology server is asked).
 * Building it loads every R4 profile (seconds): build one per JVM and share it, it is thread-safe.
 */
public final class ResourceValidator {
    private final FhirValidator validator;

    public ResourceValidator(FhirContext context) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setAnyExtensionsAllowed(true);
        validator = context.newValidator();
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(instanceValidator);
    }

    /** The errors in {@code resource}, each naming {@code label} and the path; empty if it is valid R4. */
    public List<Problem> problems(String label, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(ResourceValidator::refuses)
                .map(message -> new Problem(label, message.getLocationString(), message.getMessage()))
                .toList();
    }

    private static boolean refuses(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
    }
}
