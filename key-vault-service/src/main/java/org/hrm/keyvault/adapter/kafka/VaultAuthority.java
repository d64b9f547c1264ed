package org.hrm.keyvault.adapter.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.ProvenanceBytes;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.Submission;

/**
 * Whose word the vault obeys (protocol v2): it seals a record only from a registered author whose current key signed
 * its provenance, for a registered owner; it destroys keys only on the owner's signed request (or the gateway's
 * attestation of an identity-verified owner); it runs a command only if one of its configured operator keys signed
 * it. Each check returns why not, for the dead-letter topic; nothing is sealed, destroyed or run before it passes.
 *
 * <p>Why the author's current key and not an earlier one: a key is rotated because it may have leaked, so a new
 * submission signed with an old key is refused; readers still check old records against the key history.
 *
 * <p>Why an erasure request expires: a request that erases all of an owner's records destroys the owner's key, and so
 * every record stored under it, later ones included. A signed request someone withheld (a compromised gateway, a
 * network in the middle) and delivered weeks later would erase records the owner stored after signing it. The vault
 * obeys a request only within {@code erasureRequestMaxAge} of its signed {@code requestedAt} (a day by default: a
 * vault outage shorter than that loses no erasure; after a longer one the dead letter says why, and the owner asks
 * again), and never one dated more than {@link #FUTURE_SKEW} ahead of its clock. A replay within the window is
 * harmless: the vault keys erasures by request id.
 *
 * <p>It reads the signed events themselves (the signatures cover their bytes), so it sits in the adapter, before
 * anything is mapped to the vault's domain.
 */
public final class VaultAuthority {
    /** How far ahead of the vault's clock a request may be dated (clocks of the owner's device drift). */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final DirectoryKeeper directory;
    private final RequestRules requests;
    private final Map<String, byte[]> operatorKeys;
    private final Duration partyGrace;
    private final Duration erasureRequestMaxAge;
    private final Clock clock;

    public VaultAuthority(
            DirectoryKeeper directory,
            RequestRules requests,
            Map<String, byte[]> operatorKeys,
            Duration partyGrace,
            Duration erasureRequestMaxAge,
            Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.requests = Objects.requireNonNull(requests, "requests");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        operatorKeys.forEach(
                (id, key) -> keys.put(id, P256.requirePublicKey(key).clone()));
        this.operatorKeys = Map.copyOf(keys);
        this.partyGrace = Objects.requireNonNull(partyGrace, "partyGrace");
        this.erasureRequestMaxAge = Objects.requireNonNull(erasureRequestMaxAge, "erasureRequestMaxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Empty when the author is registered and signed this submission, and the owner is registered; else why not.
     *
     * @param submittedAt when the submission was published (an unknown party is waited for up to the grace from then)
     */
    public Optional<String> submissionRefusal(Submission submission, Instant submittedAt) {
        String record = "record " + submission.recordId();
        Optional<DirectoryEntry> author = directory.awaitEntry(submission.authorId(), submittedAt, partyGrace, clock);
        if (author.isEmpty()) {
            return Optional.of(record + ": author " + submission.authorId() + " is not registered");
        }
        byte[] signed;
        try {
            signed = provenanceBytes(submission);
        } catch (IllegalArgumentException e) {
            return Optional.of(record + ": " + e.getMessage());
        }
        if (!Ecdsa.verify(author.get().publicKey(), signed, submission.authorSignature())) {
            return Optional.of(record + " is not signed by author " + submission.authorId() + "'s current key");
        }
        if (directory
                .awaitEntry(submission.ownerId(), submittedAt, partyGrace, clock)
                .isEmpty()) {
            return Optional.of(record + ": owner " + submission.ownerId() + " is not registered");
        }
        return Optional.empty();
    }

    /**
     * Empty when the owner (or the gateway's attestation of the owner) asked for this erasure, recently enough;
     * otherwise why not.
     */
    public Optional<String> erasureRefusal(ErasureRequested request) {
        Optional<String> unauthorized = requests.erasureRefusal(
                request, directory.entry(request.ownerId()).orElse(null));
        if (unauthorized.isPresent()) {
            return unauthorized;
        }
        Instant now = clock.instant();
        if (request.requestedAt().isBefore(now.minus(erasureRequestMaxAge))) {
            return Optional.of("erasure request " + request.requestId() + " was made at " + request.requestedAt()
                    + ", more than " + erasureRequestMaxAge + " ago: a request held back that long is not obeyed"
                    + " (it could erase records stored since); the owner can ask again");
        }
        if (request.requestedAt().isAfter(now.plus(FUTURE_SKEW))) {
            return Optional.of("erasure request " + request.requestId() + " is dated " + request.requestedAt()
                    + ", more than " + FUTURE_SKEW + " ahead of the vault's clock");
        }
        return Optional.empty();
    }

    /** Empty when a configured operator key signed this command; otherwise why not. */
    public Optional<String> commandRefusal(VaultCommand command) {
        if (command.operatorId() == null || command.operatorSignature() == null) {
            return Optional.of("vault command " + command.commandId() + " is not signed by an operator");
        }
        byte[] key = operatorKeys.get(command.operatorId());
        if (key == null) {
            return Optional.of("vault command " + command.commandId() + ": operator " + command.operatorId()
                    + " is not one of this vault's operators");
        }
        if (!command.signedBy(key)) {
            return Optional.of("vault command " + command.commandId() + " is not signed by operator "
                    + command.operatorId() + "'s key");
        }
        return Optional.empty();
    }

    /** The bytes the author signed, in the form C1's envelope version names (one function for v1 and v2). */
    static byte[] provenanceBytes(Submission submission) {
        return ProvenanceBytes.of(
                submission.recordId(),
                VaultDomains.toContract(submission.domain()),
                submission.ownerId(),
                submission.authorId(),
                submission.innerCiphertext(),
                submission.shares().stream()
                        .map(share -> new KeyShare(share.readerId(), share.share()))
                        .toList());
    }
}
