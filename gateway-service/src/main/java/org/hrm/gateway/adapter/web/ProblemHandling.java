package org.hrm.gateway.adapter.web;

import org.hrm.gateway.application.PlatformUnavailable;
import org.hrm.gateway.domain.AccessRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is a problem-details body: the gateway's own refusals here, Spring MVC's (unsupported media type,
 * missing parameter, unknown path...) through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(problem.status(), problem.title(), problem.getMessage());
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ProblemDetail> refused(AccessRefused refused) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", refused.getMessage());
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited limited) {
        long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ProblemResponses.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too many requests",
                        "rate limit for " + limited.bucket() + " reached; retry after " + seconds + " s"));
    }

    @ExceptionHandler(PlatformUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(PlatformUnavailable unavailable) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "platform unavailable", unavailable.getMessage());
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, title, detail));
    }
}
