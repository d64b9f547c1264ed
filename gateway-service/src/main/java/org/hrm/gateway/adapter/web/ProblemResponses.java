package org.hrm.gateway.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem-details bodies where no controller runs (security filters, the body-size filter). */
@Component
public class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://hrm.example/problems/" + title.replace(' ', '-')));
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = problem(status, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write(JSON.writeValueAsBytes(java.util.Map.of(
                        "type", problem.getType().toString(),
                        "title", problem.getTitle(),
                        "status", problem.getStatus(),
                        "detail", problem.getDetail())));
    }
}
