package org.hrm.gateway.adapter.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** HAPI's instance validator against the R4 base profiles, offline, as fhir-edge-service builds it (one per JVM). */
final class R4Validation {
    static final FhirContext R4 = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private R4Validation() {}

    /** The error and fatal messages for a resource's JSON, each with its location; empty when it is valid R4. */
    static synchronized List<String> errors(String json) {
        if (validator == null) {
            ValidationSupportChain support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(R4),
                    new CommonCodeSystemsTerminologyService(R4),
                    new InMemoryTerminologyServerValidationSupport(R4),
                    new SnapshotGeneratingValidationSupport(R4));
            validator = R4.newValidator();
            validator.setValidateAgainstStandardSchema(false);
            validator.setValidateAgainstStandardSchematron(false);
            validator.registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator.validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList();
    }
}
