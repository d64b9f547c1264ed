package org.hrm.ledgerwriter.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.contracts.audit.MerkleTree;
import org.hrm.ledgerwriter.domain.AnchorTransaction;
import org.hrm.ledgerwriter.domain.AuditRoot;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.GasModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case "anchor audit": numbers each patient's audit events 1, 2, 3..., puts a batch of them into one RFC 6962
 * Merkle tree per domain, writes the roots on chain (anchorAudit, one AuditAnchored log each, many per transaction)
 * on the shared {@link SigningLane}, and publishes each anchored tree once confirmed.
 *
 * <p>Decision: the ledger writer, the one anchorer, numbers the events rather than their producers: the gateway keeps
 * no database and runs in several replicas, so it could not number without gaps, and one number line per patient
 * (across consent-service's and the gateway's topics) is what an auditor checks for gaps. An event keeps its number
 * and its tree across redeliveries (the audit index); any failure throws so the batch is redelivered, and the index
 * makes the redelivery anchor nothing twice.
 */
public final class AnchorAudit {
    private static final Logger log = LoggerFactory.getLogger(AnchorAudit.class);

    private final SigningLane lane;
    private final LedgerChain chain;
    private final AuditIndex index;
    private final AuditAnchorPublisher publisher;
    private final GasModel gas;
    private final int maxRootsPerTransaction;
    private final Map<Domain, String> contracts;
    private final Clock clock;
    private final PendingReconciler reconciler;

    public AnchorAudit(
            SigningLane lane,
            AuditIndex index,
            AuditAnchorPublisher publisher,
            GasModel gas,
            int maxRootsPerTransaction,
            Map<Domain, String> contracts,
            Clock clock) {
        this.lane = lane;
        this.chain = lane.chain();
        this.index = index;
        this.publisher = publisher;
        this.gas = gas;
        this.maxRootsPerTransaction = maxRootsPerTransaction;
        this.contracts = Map.copyOf(contracts);
        this.clock = clock;
        this.reconciler = new PendingReconciler(chain, index);
    }

    /** Anchors the events (each once); returns once every tree holding them is on chain and published. */
    public void anchor(List<AuditedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<Domain, AnchorBatch> batches = new EnumMap<>(Domain.class);
        Map<String, AuditTree> trees = new LinkedHashMap<>();
        byDomain(events).forEach((domain, ofDomain) -> {
            AnchorBatch batch = new AnchorBatch(domain, contracts.get(domain));
            for (AuditTree tree : treesOf(domain, ofDomain)) {
                batch.add(tree.root(), tree.anchor());
                trees.put(tree.root(), tree);
            }
            batches.put(domain, batch);
        });
        int sent = lane.turn(() -> signAndSend(batches.values()));
        try {
            Map<String, ChainReceipt> receipts = chain.awaitConfirmed(EntryBatch.allAwaitedHashes(batches.values()));
            publisher.publish(confirm(batches.values(), receipts, trees));
            log.info("anchored {} audit events in {} trees ({} new transactions)", events.size(), trees.size(), sent);
        } catch (RuntimeException e) {
            // A transaction dropped from the pool would leave the local nonce ahead of the chain.
            lane.resync();
            throw e;
        }
    }

    /** The trees that hold the events: those they are already in, and one new tree for the rest. */
    private List<AuditTree> treesOf(Domain domain, List<AuditedEvent> events) {
        Map<String, AuditClaim> claims = new HashMap<>(
                index.claimsOf(events.stream().map(AuditedEvent::eventId).toList()));
        List<AuditClaim> fresh = claim(events.stream()
                .filter(event -> !claims.containsKey(event.eventId()))
                .toList());
        fresh.forEach(claim -> claims.put(claim.eventId(), claim));
        Set<String> roots = new LinkedHashSet<>();
        List<AuditClaim> treeless = new ArrayList<>();
        for (AuditedEvent event : events) {
            AuditClaim claim = claims.get(event.eventId());
            if (claim.root() == null) {
                treeless.add(claim);
            } else {
                roots.add(claim.root());
            }
        }
        List<AuditTree> trees = new ArrayList<>();
        roots.forEach(root -> trees.add(index.tree(root)
                .orElseThrow(() -> new LedgerWriteException("audit tree " + root + " is not in the index"))));
        if (!treeless.isEmpty()) {
            AuditTree tree = AuditTree.of(domain, treeless);
            index.saveTree(tree);
            trees.add(tree);
        }
        return trees;
    }

    /** Numbers the events of each patient after the patient's last number, and claims the numbers. */
    private List<AuditClaim> claim(List<AuditedEvent> events) {
        Map<String, Long> next = new HashMap<>();
        List<AuditClaim> claims = new ArrayList<>();
        for (AuditedEvent event : events) {
            long sequence = event.patientId() == null
                    ? 0
                    : next.merge(
                            event.patientId(), index.lastSequence(event.patientId()) + 1, (last, ignored) -> last + 1);
            String leaf = MerkleTree.hex(event.leafHash().apply(sequence));
            claims.add(new AuditClaim(event.eventId(), event.source(), event.patientId(), sequence, leaf, null));
        }
        index.claim(claims);
        return claims;
    }

    private int signAndSend(Collection<AnchorBatch> batches) {
        List<SignedTransaction> all = new ArrayList<>();
        for (AnchorBatch batch : batches) {
            reconciler.reconcile(batch);
            List<AuditRoot> unwritten = batch.unwritten();
            for (AnchorTransaction transaction : AnchorTransaction.pack(unwritten, maxRootsPerTransaction, gas)) {
                batch.signed(chain.signAnchors(batch.contract(), transaction));
            }
            if (!batch.signed().isEmpty()) {
                // Stored before broadcasting: after a crash the same signed bytes are sent again.
                index.markPending(batch.domain(), batch.signed());
                all.addAll(batch.signed());
            }
        }
        chain.broadcast(all);
        return all.size();
    }

    private List<AuditAnchorPublisher.AnchoredTree> confirm(
            Collection<AnchorBatch> batches, Map<String, ChainReceipt> receipts, Map<String, AuditTree> trees) {
        Instant now = clock.instant();
        List<AuditAnchorPublisher.AnchoredTree> anchored = new ArrayList<>();
        for (AnchorBatch batch : batches) {
            List<Commit> confirmed = batch.confirm(receipts, now);
            if (!confirmed.isEmpty()) {
                index.markCommitted(batch.domain(), confirmed);
            }
            batch.anchors()
                    .forEach((root, commit) ->
                            anchored.add(new AuditAnchorPublisher.AnchoredTree(trees.get(root), commit)));
        }
        return anchored;
    }

    private static Map<Domain, List<AuditedEvent>> byDomain(List<AuditedEvent> events) {
        Map<Domain, Map<String, AuditedEvent>> once = new EnumMap<>(Domain.class);
        for (AuditedEvent event : events) {
            Domain domain = event.domain() == null ? Domain.PATIENT : event.domain();
            once.computeIfAbsent(domain, d -> new LinkedHashMap<>()).putIfAbsent(event.eventId(), event);
        }
        Map<Domain, List<AuditedEvent>> byDomain = new EnumMap<>(Domain.class);
        once.forEach((domain, events1) -> byDomain.put(domain, List.copyOf(events1.values())));
        return byDomain;
    }
}
