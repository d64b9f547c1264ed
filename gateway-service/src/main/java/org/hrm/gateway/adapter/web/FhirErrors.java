package org.hrm.gateway.adapter.web;

import org.hrm.gateway.adapter.fhir.SearchBundles;
import org.hrm.gateway.domain.AccessRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The FHIR endpoints' refusals as an R4 {@code OperationOutcome} (what a FHIR client reads), not problem details;
 * ahead of {@link ProblemHandling}, which answers for every other controller. A missing or invalid token is refused
 * before any controller, so it stays a problem-details 401.
 */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<String> refused(AccessRefused refused) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", refused.getMessage());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<String> problem(ApiProblem problem) {
        String code = switch (problem.status()) {
            case BAD_REQUEST -> "invalid";
            case UNAUTHORIZED -> "login";
            case NOT_FOUND -> "not-found";
            default -> "processing";
        };
        return respond(problem.status(), code, problem.getMessage());
    }

    private static ResponseEntity<String> respond(HttpStatus status, String code, String diagnostics) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(SearchBundles.FHIR_JSON + ";charset=UTF-8"))
                .body(SearchBundles.outcome(code, diagnostics));
    }
}
