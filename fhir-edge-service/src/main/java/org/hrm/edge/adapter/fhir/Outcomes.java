package org.hrm.edge.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hrm.edge.domain.Problem;

/** OperationOutcomes: one error issue per problem, naming the resource (entry index, fullUrl) and the path. */
final class Outcomes {
    private Outcomes() {}

    static OperationOutcome of(List<Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (Problem problem : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.PROCESSING)
                    .setDiagnostics(problem.toString());
            issue.getDetails().setText(problem.resource());
            if (problem.path() != null) {
                issue.addExpression(problem.path());
            }
        }
        return outcome;
    }

    static OperationOutcome information(String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(text);
        return outcome;
    }

    static UnprocessableEntityException refused(FhirContext context, List<Problem> problems) {
        return new UnprocessableEntityException(context, of(problems));
    }
}
