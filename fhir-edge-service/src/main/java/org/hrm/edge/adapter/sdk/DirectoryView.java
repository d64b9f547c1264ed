package org.hrm.edge.adapter.sdk;

import java.util.Optional;
import java.util.function.Supplier;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.contracts.authority.DirectoryEntry;

/**
 * The party directory as last read, read again when a party is not in it (a patient registered after the edge
 * started): the compacted directory topic is only ever scanned on a miss. A party whose history the SDK refused is
 * not in it, and the error says why.
 */
final class DirectoryView {
    private final Supplier<PartyDirectory> reader;
    private volatile PartyDirectory directory;

    DirectoryView(Supplier<PartyDirectory> reader) {
        this.reader = reader;
    }

    Optional<DirectoryEntry> find(String partyId) {
        if (directory != null) {
            Optional<DirectoryEntry> entry = directory.find(partyId);
            if (entry.isPresent()) {
                return entry;
            }
        }
        directory = reader.get();
        return directory.find(partyId);
    }

    byte[] publicKey(String partyId) {
        return find(partyId)
                .orElseThrow(() -> new IllegalArgumentException(directory
                        .refusal(partyId)
                        .map(reason -> "party " + partyId + " is refused by the party directory: " + reason)
                        .orElse("party " + partyId
                                + " is not registered on the platform: register the owner before sending its records")))
                .publicKey();
    }
}
