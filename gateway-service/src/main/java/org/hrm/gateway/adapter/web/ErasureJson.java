package org.hrm.gateway.adapter.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.gateway.application.ErasureView;
import org.hrm.gateway.application.TombstoneLog;

/**
 * An erasure request's progress as the API shows it ({@link ErasureView}), with the vault's signed receipt once issued
 * exactly as the vault wrote it, byte for byte.
 */
record ErasureJson(
        String requestId,
        Domain domain,
        String ownerId,
        String recordId,
        Instant requestedAt,
        String authorizedBy,
        String stage,
        List<String> recordIds,
        Instant destroyedAt,
        List<TombstoneLog> tombstones,

        @Schema(implementation = ErasureReceipt.class) @JsonRawValue
        String receipt) {

    static ErasureJson of(ErasureView view) {
        return new ErasureJson(
                view.requestId(),
                view.domain(),
                view.ownerId(),
                view.recordId(),
                view.requestedAt(),
                view.authorizedBy(),
                view.stage(),
                view.recordIds(),
                view.destroyedAt(),
                view.tombstones(),
                view.receipt() == null ? null : new String(view.receipt().event(), StandardCharsets.UTF_8));
    }
}
