package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.adapter.kafka.DirectoryMapping;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a hospital system reads through the gateway instead of Kafka: an owner's grantees to wrap a new record to (for
 * registered authors and the owner only, audited under the owner), and its own records' stages (for their author and
 * owner only); in the sandbox, a registered hospital's development login, and a new party's with the kind it names.
 */
class HospitalApiTest extends ApiTestSupport {
    private static final Instant LATER = Instant.now().plus(30, ChronoUnit.DAYS);

    @Autowired
    Attester attester;

    @Test
    void aRegisteredHospitalGetsTheGranteesWhoseCategoryCoversTheNewRecordAndNothingElse() throws Exception {
        String owner = unique("patient-grantees");
        String hospital = unique("hospital-author");
        registered(hospital, PartyKind.SYSTEM, Role.SYSTEM);
        byte[] drKey = P256KeyPair.generate().publicKey();
        standing(
                owner,
                grantee("dr-lab", drKey, GrantScope.category("Observation"), LATER),
                grantee("dr-all", new byte[65], GrantScope.category(GrantScope.ALL_CATEGORIES), LATER),
                grantee("dr-notes", new byte[65], GrantScope.category("Note"), LATER),
                grantee(
                        "dr-one-record",
                        new byte[65],
                        GrantScope.records(List.of(UUID.randomUUID().toString())),
                        LATER),
                grantee(
                        "dr-expired",
                        new byte[65],
                        GrantScope.category("Observation"),
                        Instant.now().minusSeconds(1)));

        mvc.perform(getAs(hospital, "system", "/api/owners/" + owner + "/grantees?category=Observation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].granteeId").value("dr-lab"))
                .andExpect(jsonPath("$[0].publicKey").value(Base64.getEncoder().encodeToString(drKey)))
                .andExpect(jsonPath("$[1].granteeId").value("dr-all"))
                .andExpect(jsonPath("$[0].grantId").doesNotExist())
                .andExpect(jsonPath("$[0].expiresAt").doesNotExist());

        assertThat(AccessHistory.events(views.audit().of(owner)).stream()
                        .filter(event -> event.agent().stream()
                                .anyMatch(agent -> agent.who().equals(hospital)))
                        .map(AuditEvent::outcomeDesc))
                .as("the owner sees who looked up its grantees")
                .containsExactly("grantees read to write a record of category Observation");
    }

    @Test
    void theOwnerReadsItsOwnGranteesAndAnOwnerWithoutGrantsHasNone() throws Exception {
        String owner = unique("patient-own");
        standing(owner, grantee("dr-own", new byte[65], GrantScope.category("Observation"), LATER));

        mvc.perform(getAs(owner, "patient", "/api/owners/" + owner + "/grantees?category=Observation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].granteeId").value("dr-own"));
        mvc.perform(getAs(owner, "patient", "/api/owners/" + unique("nobody") + "/grantees"))
                .andExpect(status().isForbidden());
        String other = unique("patient-none");
        mvc.perform(getAs(other, "patient", "/api/owners/" + other + "/grantees"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anotherPatientAnUnregisteredSystemARegisteredPatientActingAsSystemAndAnOperatorAreRefused() throws Exception {
        String owner = unique("patient-target");
        standing(owner, grantee("dr-secret", new byte[65], GrantScope.category("Observation"), LATER));
        String patient = unique("patient-curious");
        registered(patient, PartyKind.PATIENT, Role.PATIENT);
        String path = "/api/owners/" + owner + "/grantees?category=Observation";

        mvc.perform(getAs(patient, "patient", path)).andExpect(status().isForbidden());
        mvc.perform(getAs(patient, "system", path)).andExpect(status().isForbidden());
        mvc.perform(getAs(unique("hospital-unregistered"), "system", path)).andExpect(status().isForbidden());
        mvc.perform(getAs("ops-olga", "operator", path)).andExpect(status().isForbidden());
    }

    @Test
    void aRecordsStageIsForItsAuthorAndOwnerNotForAnotherHospital() throws Exception {
        String owner = unique("patient-stage");
        String author = unique("hospital-stage");
        RecordSubmitted record = committedRecord(owner, author);

        mvc.perform(getAs(author, "system", "/api/records/" + record.recordId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("committed"))
                .andExpect(jsonPath("$.ownerShare").doesNotExist());
        mvc.perform(getAs(unique("hospital-other"), "system", "/api/records/" + record.recordId()))
                .andExpect(status().isForbidden());
        mvc.perform(getAs(unique("patient-other"), "patient", "/api/records/" + record.recordId()))
                .andExpect(status().isForbidden());
    }

    @Test
    void inTheSandboxARegisteredHospitalLogsInAsASystemAndAnUnknownPartyDoesNot() throws Exception {
        String hospital = unique("hospital-login");
        registered(hospital, PartyKind.SYSTEM, Role.SYSTEM);

        mvc.perform(post("/dev/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partyId\":\"" + hospital + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partyId").value(hospital))
                .andExpect(jsonPath("$.role").value("system"));
        mvc.perform(post("/dev/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partyId\":\"" + unique("nobody") + "\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void inTheSandboxANewPartyLogsInWithTheRoleOfItsKindAndAKnownPartyCannotChangeItsRole() throws Exception {
        String newcomer = unique("patient-new");
        String hospital = unique("hospital-known");
        registered(hospital, PartyKind.SYSTEM, Role.SYSTEM);

        mvc.perform(login(newcomer, "practitioner"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partyId").value(newcomer))
                .andExpect(jsonPath("$.role").value("practitioner"));
        mvc.perform(login(hospital, "system")).andExpect(status().isOk());
        mvc.perform(login(hospital, "patient"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(hospital + " logs in as system, not patient"));
        mvc.perform(login("dr-chen", "system")).andExpect(status().isConflict());
        mvc.perform(login(newcomer, "operator")).andExpect(status().isBadRequest());
    }

    private static MockHttpServletRequestBuilder login(String partyId, String kind) {
        return post("/dev/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"partyId\":\"" + partyId + "\",\"kind\":\"" + kind + "\"}");
    }

    private void registered(String partyId, PartyKind kind, Role role) {
        P256KeyPair key = P256KeyPair.generate();
        PartyRegistered proven = new PartyRegistered(
                        partyId,
                        kind,
                        key.publicKey(),
                        null,
                        Instant.now().minus(1, ChronoUnit.MINUTES),
                        null,
                        null,
                        null)
                .provenBy(key);
        assertThat(views.directory()
                        .registered(DirectoryMapping.registration(
                                StatementAttestations.register(attester, new Caller(partyId, Set.of(role)), proven))))
                .isEmpty();
    }

    private void standing(String owner, StandingGrants.Grantee... grantees) {
        views.directory()
                .standingGrants(DirectoryMapping.grants(
                        new StandingGrants(owner, Domain.PATIENT, List.of(grantees), Instant.now())));
    }

    private static StandingGrants.Grantee grantee(String id, byte[] key, GrantScope scope, Instant expiresAt) {
        return new StandingGrants.Grantee(id, key, UUID.randomUUID().toString(), scope, expiresAt);
    }
}
