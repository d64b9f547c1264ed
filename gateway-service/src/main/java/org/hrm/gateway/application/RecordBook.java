package org.hrm.gateway.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.hrm.contracts.Domain;

/**
 * Every record's status, built from the record and erasure topics. Events of one record may arrive in any order
 * across topics; each only fills in its part, and a record's stage only moves forward.
 *
 * <p>A record's owner, author, shares and provenance are those of the submission the vault sealed, never of a later
 * {@code RecordSubmitted} with the same id: anyone who may write the topic can post one. Until the seal arrives the
 * view shows the first submission, provisionally; the seal names the submission it sealed by the author's signature
 * and the share bytes, and a rival with the same signature (a re-owned or re-authored copy) loses to the one whose
 * provenance verifies against its author's keys ({@link org.hrm.contracts.authority.ProvenanceKeyRule}). From then on the view's submission is settled.
 */
public final class RecordBook {
    /** Rival submissions of one record id kept until the vault seals one; more are dropped. */
    static final int RIVALS_KEPT = 8;

    /**
     * Whether {@code signature} is {@code authorId}'s signature over {@code signedBytes}, by the party directory's key
     * history, for a record the vault sealed at {@code sealedAt}.
     */
    @FunctionalInterface
    public interface ProvenanceCheck {
        boolean verifies(String authorId, byte[] signedBytes, byte[] signature, Instant sealedAt);
    }

    private final Map<String, RecordView> records = new ConcurrentHashMap<>();
    private final Map<String, List<Submission>> unsealed = new ConcurrentHashMap<>();
    private final Map<String, Seal> sealedFirst = new ConcurrentHashMap<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final ProvenanceCheck provenance;
    private final ViewStore store;

    /** A book that tells same-signature rivals apart by the author's keys and keeps nothing past this process. */
    public RecordBook(ProvenanceCheck provenance) {
        this(provenance, ViewStore.none());
    }

    /**
     * A book that starts from the records in {@code store} and writes each change there. A stored record that was
     * sealed with its submission known is settled: no submission read again from a topic replaces it.
     */
    public RecordBook(ProvenanceCheck provenance, ViewStore store) {
        this.provenance = provenance;
        this.store = store;
        for (RecordView view : store.records()) {
            records.put(view.recordId(), view);
            if (view.submissionKnown() && view.sealedAt() != null) {
                settled.add(view.recordId());
            }
        }
    }

    public synchronized void submitted(Submission submission) {
        String recordId = submission.recordId();
        if (settled.contains(recordId)) {
            return;
        }
        Seal seal = sealedFirst.get(recordId);
        if (seal != null) {
            if (sealedAs(submission, seal)) {
                settle(recordId, submission.domain(), submission);
            }
            return;
        }
        List<Submission> rivals = unsealed.computeIfAbsent(recordId, id -> new ArrayList<>());
        if (rivals.size() < RIVALS_KEPT) {
            rivals.add(submission);
        }
        update(recordId, submission.domain(), view -> view.submissionKnown() ? view : applied(submission, view));
    }

    /** The vault sealed one submission of the record: it becomes the record's, whatever else the topic carries. */
    public synchronized void sealed(Seal seal) {
        String recordId = seal.recordId();
        update(recordId, seal.domain(), view -> view.sealed(seal.sealedAt()));
        if (settled.contains(recordId)) {
            return;
        }
        List<Submission> matching = unsealed.getOrDefault(recordId, List.of()).stream()
                .filter(candidate -> sealedAs(candidate, seal))
                .toList();
        Optional<Submission> chosen = matching.stream()
                .filter(candidate -> verified(candidate, seal.sealedAt()))
                .findFirst()
                .or(() -> matching.stream().findFirst());
        if (chosen.isPresent()) {
            settle(recordId, seal.domain(), chosen.get());
        } else {
            // Sealed before its submission was read (another topic): the matching submission settles it on arrival.
            sealedFirst.put(recordId, seal);
            update(recordId, seal.domain(), RecordView::withoutSubmission);
        }
    }

    public synchronized void committed(RecordCommit commit) {
        update(commit.recordId(), commit.domain(), view -> view.committed(commit));
    }

    public synchronized void erased(String recordId, Domain domain, Instant erasedAt) {
        update(recordId, domain, view -> view.erased(erasedAt));
    }

    public Optional<RecordView> find(String recordId) {
        return Optional.ofNullable(records.get(recordId));
    }

    /** The owner's records whose submission is known, oldest first (by id among those submitted at once). */
    public List<RecordView> ownedBy(String ownerId) {
        return records.values().stream()
                .filter(view -> ownerId.equals(view.ownerId()))
                .sorted(Comparator.comparing(RecordView::submittedAt).thenComparing(RecordView::recordId))
                .toList();
    }

    /** How many records are at each stage, for the ops dashboard. */
    public Map<String, Long> stageCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        records.values()
                .forEach(view -> counts.merge(view.stage().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        return counts;
    }

    private void settle(String recordId, Domain domain, Submission submission) {
        settled.add(recordId);
        unsealed.remove(recordId);
        sealedFirst.remove(recordId);
        update(recordId, domain, view -> applied(submission, view));
    }

    private void update(String recordId, Domain domain, UnaryOperator<RecordView> change) {
        RecordView[] changed = new RecordView[1];
        records.compute(recordId, (id, view) -> {
            RecordView next = change.apply(view == null ? RecordView.unknown(id, domain) : view);
            changed[0] = next.equals(view) ? null : next;
            return next;
        });
        if (changed[0] != null) {
            store.saveRecord(changed[0]);
        }
    }

    /** Whether the seal names this submission: the author's signature and every share's bytes, in order. */
    private static boolean sealedAs(Submission submission, Seal seal) {
        List<ReaderShare> shares = submission.shares();
        if (!Arrays.equals(submission.authorSignature(), seal.authorSignature())
                || seal.shares().size() != shares.size()) {
            return false;
        }
        for (int i = 0; i < shares.size(); i++) {
            if (!Arrays.equals(shares.get(i).share(), seal.shares().get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean verified(Submission submission, Instant sealedAt) {
        return submission.signedBytes() != null
                && provenance.verifies(
                        submission.authorId(), submission.signedBytes(), submission.authorSignature(), sealedAt);
    }

    private static RecordView applied(Submission submission, RecordView view) {
        return view.submitted(
                submission.ownerId(),
                submission.authorId(),
                submission.category(),
                submission.submittedAt(),
                submission.shares(),
                submission.authorSignature());
    }
}
