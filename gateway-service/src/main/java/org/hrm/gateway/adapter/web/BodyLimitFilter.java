package org.hrm.gateway.adapter.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above the limit with 413 before anything reads them. Bodies without a length (chunked)
 * are refused too: every client of this API knows its body's size.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final ProblemResponses problems;

    public BodyLimitFilter(long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/")
                && !request.getRequestURI().startsWith("/dev/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body too large",
                    (chunked ? "a body without Content-Length" : "a body of " + length + " bytes")
                            + " is not accepted; the limit is " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
