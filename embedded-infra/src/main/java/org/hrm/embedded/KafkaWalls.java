package org.hrm.embedded;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TopicAccess;

/**
 * The walls of the sandbox's broker: one SCRAM-SHA-512 principal per service role, per hospital system and for
 * operators' tooling (the principals of {@link KafkaRole}, the same names as compose's and Kubernetes' users), each
 * with the ACLs {@link TopicAccess} derives from the topic catalogue, and two sandbox-only principals that production
 * does not have: {@link #ADMIN}, the broker's super user with which the sandbox creates its topics and these ACLs, and
 * {@link #OBSERVER}, which the sandbox's test tooling (watchers, benchmarks, surveys) reads every topic as and which
 * may write nothing.
 *
 * <p>{@link #of} makes a deployment's walls instead (its passwords and its rules as its files spell them), which
 * the deployment boot test runs the services inside.
 *
 * <p>Passwords are drawn anew for every run (a deployment's walls take those it gave) and live only in memory:
 * {@link #toString()} names the principals, never a password, and {@link #clientProperties} is the only way out
 * (Kafka's clients print {@code sasl.jaas.config} as {@code [hidden]}).
 */
public final class KafkaWalls {
    /** The broker's super user in the sandbox: creates topics and ACLs. Does not exist in production. */
    public static final String ADMIN = "hrm-sandbox-admin";
    /**
     * The sandbox's test tooling: Read and Describe on every {@code hrm.} topic and every consumer group, nothing
     * else. Does not exist in production (compose's acls.txt and the KafkaUsers have no such user).
     */
    public static final String OBSERVER = "hrm-sandbox-observer";
    /** The SASL mechanism of every principal. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final int ITERATIONS = 4096;
    private static final String TOPIC_PREFIX = "hrm.";

    private final Map<String, String> passwords;
    private final Set<String> hospitals;
    private final List<AclBinding> acls;

    private KafkaWalls(Map<String, String> passwords, Set<String> hospitals, List<AclBinding> acls) {
        this.passwords = passwords;
        this.hospitals = hospitals;
        this.acls = acls;
    }

    /** Principals for every role, one per hospital in {@code hospitals}, with fresh random passwords. */
    public static KafkaWalls generate(Set<String> hospitals) {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, password(random));
        passwords.put(OBSERVER, password(random));
        for (KafkaRole role : KafkaRole.values()) {
            if (role != KafkaRole.HOSPITAL) {
                passwords.put(role.principal(), password(random));
            }
        }
        Set<String> ids = new TreeSet<>(hospitals);
        ids.forEach(hospital -> passwords.put(KafkaRole.hospitalPrincipal(hospital), password(random)));
        return new KafkaWalls(passwords, Set.copyOf(ids), catalogueAcls(ids));
    }

    /**
     * A deployment's walls: its SCRAM principals with the passwords it gave them (none when its clients log in with
     * certificates) and exactly the ACLs it grants, as its own files spell them, not as the catalogue derives them, so
     * a rule missing from the deployment is missing here. Only {@link #ADMIN} is added, with a fresh password, to put
     * them up; there is no {@link #OBSERVER}.
     */
    public static KafkaWalls of(Map<String, String> passwords, List<AclBinding> acls) {
        Map<String, String> principals = new LinkedHashMap<>();
        principals.put(ADMIN, password(new SecureRandom()));
        principals.putAll(passwords);
        Set<String> ids = new TreeSet<>();
        principals.keySet().forEach(principal -> KafkaRole.hospitalOf(principal).ifPresent(ids::add));
        return new KafkaWalls(principals, Set.copyOf(ids), List.copyOf(acls));
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Every principal the broker knows. */
    public Set<String> principals() {
        return passwords.keySet();
    }

    /** The hospital ids that have a principal. */
    public Set<String> hospitals() {
        return hospitals;
    }

    /**
     * What a Kafka client connecting as {@code principal} adds to its configuration (as {@code spring.kafka.properties.*}
     * in a service): security protocol, mechanism and its JAAS line with the password.
     */
    public Map<String, String> clientProperties(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("the sandbox's broker has no principal " + principal);
        }
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                        + "\" password=\"" + password + "\";");
    }

    /**
     * Puts the walls up on a running broker through {@code admin} (logged in as {@link #ADMIN}, the one principal a
     * broker formatted for these walls already knows): every other principal's SCRAM-SHA-512 credential and every ACL.
     * Both live in the KRaft metadata log, so a broker killed and restarted on the same log directory keeps them.
     */
    public void putUp(Admin admin, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        List<UserScramCredentialAlteration> logins = new ArrayList<>();
        passwords.forEach((principal, password) -> {
            if (!principal.equals(ADMIN)) {
                logins.add(new UserScramCredentialUpsertion(
                        principal,
                        new ScramCredentialInfo(
                                org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                        password));
            }
        });
        admin.alterUserScramCredentials(logins).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        admin.createAcls(acls).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The storage tool's {@code --add-scram} argument that gives {@link #ADMIN} its login when a broker's log
     * directory is formatted (the format runs in this JVM: the password never appears on a command line).
     */
    public String adminScramArgument() {
        return MECHANISM + "=[name=" + ADMIN + ",password=" + passwords.get(ADMIN) + "]";
    }

    /** The SCRAM credential of each principal, as the broker stores it (salted; never the password). */
    Map<String, ScramCredential> credentials() {
        try {
            ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
            Map<String, ScramCredential> credentials = new LinkedHashMap<>();
            passwords.forEach((principal, password) ->
                    credentials.put(principal, formatter.generateCredential(password, ITERATIONS)));
            return credentials;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-512 in this JVM", e);
        }
    }

    /**
     * The ACLs: of a deployment ({@link #of}), or of the sandbox ({@link #generate}): exactly the rules compose's
     * acls.txt and the Kubernetes KafkaUsers grant (each topic's writers Write and Describe, its readers Read and
     * Describe, each role's consumer groups by prefix, each hospital's groups by its principal), plus the observer's
     * reading rights.
     */
    public List<AclBinding> acls() {
        return acls;
    }

    private static List<AclBinding> catalogueAcls(Set<String> hospitals) {
        List<AclBinding> acls = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (String name : topic.allNames()) {
                ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
                for (KafkaRole role : TopicAccess.writers(topic)) {
                    for (String principal : principals(role, hospitals)) {
                        acls.add(allow(resource, principal, AclOperation.WRITE));
                        acls.add(allow(resource, principal, AclOperation.DESCRIBE));
                    }
                }
                for (KafkaRole role : TopicAccess.readers(topic)) {
                    for (String principal : principals(role, hospitals)) {
                        acls.add(allow(resource, principal, AclOperation.READ));
                        acls.add(allow(resource, principal, AclOperation.DESCRIBE));
                    }
                }
            }
        }
        for (KafkaRole role : KafkaRole.values()) {
            role.groupPrefix().ifPresent(prefix -> acls.add(allow(group(prefix), role.principal(), AclOperation.READ)));
        }
        for (String hospital : hospitals) {
            String principal = KafkaRole.hospitalPrincipal(hospital);
            acls.add(allow(group(principal), principal, AclOperation.READ));
        }
        ResourcePattern everyTopic = new ResourcePattern(ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED);
        acls.add(allow(everyTopic, OBSERVER, AclOperation.READ));
        acls.add(allow(everyTopic, OBSERVER, AclOperation.DESCRIBE));
        ResourcePattern everyGroup =
                new ResourcePattern(ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL);
        acls.add(allow(everyGroup, OBSERVER, AclOperation.READ));
        return List.copyOf(new java.util.LinkedHashSet<>(acls));
    }

    private static List<String> principals(KafkaRole role, Set<String> hospitals) {
        return role == KafkaRole.HOSPITAL
                ? hospitals.stream().map(KafkaRole::hospitalPrincipal).toList()
                : List.of(role.principal());
    }

    private static ResourcePattern group(String prefix) {
        return new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED);
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(
                resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The principals, never their passwords. */
    @Override
    public String toString() {
        return "KafkaWalls" + principals();
    }
}
