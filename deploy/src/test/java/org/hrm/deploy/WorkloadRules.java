package org.hrm.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every Deployment and StatefulSet must have: probes and bounded resources on every container, and the
 * restricted pod-security settings (non-root, no privilege escalation, no capabilities).
 */
final class WorkloadRules {
    private WorkloadRules() {}

    static List<String> problems(String owner, PodTemplateSpec template) {
        List<String> problems = new ArrayList<>();
        List<Container> containers = template.getSpec().getContainers();
        if (containers == null || containers.isEmpty()) {
            problems.add(owner + ": no containers");
            return problems;
        }
        PodSecurityContext pod = template.getSpec().getSecurityContext();
        if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
            problems.add(owner + ": runAsNonRoot is not set");
        }
        for (Container container : containers) {
            String where = owner + " container " + container.getName();
            requireProbe(problems, where, "livenessProbe", container.getLivenessProbe());
            requireProbe(problems, where, "readinessProbe", container.getReadinessProbe());
            requireResources(problems, where, container.getResources());
            requireRestricted(problems, where, container.getSecurityContext());
        }
        return problems;
    }

    private static void requireRestricted(List<String> problems, String where, SecurityContext security) {
        boolean escalationOff = security != null && Boolean.FALSE.equals(security.getAllowPrivilegeEscalation());
        boolean capabilitiesDropped = security != null
                && security.getCapabilities() != null
                && security.getCapabilities().getDrop().contains("ALL");
        if (!escalationOff || !capabilitiesDropped) {
            problems.add(where + ": may escalate privileges or keeps capabilities");
        }
    }

    private static void requireProbe(List<String> problems, String where, String name, Probe probe) {
        if (probe == null) {
            problems.add(where + ": no " + name);
        } else if (probe.getHttpGet() == null
                && probe.getExec() == null
                && probe.getTcpSocket() == null
                && probe.getGrpc() == null) {
            problems.add(where + ": " + name + " has no action");
        }
    }

    private static void requireResources(List<String> problems, String where, ResourceRequirements resources) {
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                problems.add(where + ": no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                problems.add(where + ": no " + resource + " limit");
            }
        }
    }
}
