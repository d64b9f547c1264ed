package org.hrm.edge.application;

import java.util.List;
import org.hrm.edge.domain.Problem;

/** The edge refuses what was posted (nothing of it was submitted), for these reasons. */
public class ResourcesRefused extends RuntimeException {
    private final transient List<Problem> problems;

    public ResourcesRefused(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
