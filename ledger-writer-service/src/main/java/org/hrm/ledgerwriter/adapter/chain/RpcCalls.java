package org.hrm.ledgerwriter.adapter.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** Runs JSON-RPC requests, alone or many at once with at most {@code maxInFlight} outstanding. */
final class RpcCalls {
    private final int maxInFlight;

    RpcCalls(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    static <R extends Response<?>> R send(Request<?, R> request, String what) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new LedgerWriteException("chain unreachable while " + what + ": " + e.getMessage(), e);
        }
    }

    /** Sends one request per item, keeping up to {@code maxInFlight} in flight; results in item order. */
    <T, R extends Response<?>> List<R> sendAll(List<T> items, Function<T, Request<?, R>> request, String what) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            permits.acquireUninterruptibly();
            futures.add(request.apply(item).sendAsync().whenComplete((response, error) -> permits.release()));
        }
        List<R> responses = new ArrayList<>(futures.size());
        for (CompletableFuture<R> future : futures) {
            try {
                responses.add(future.join());
            } catch (CompletionException e) {
                throw new LedgerWriteException("chain unreachable while " + what + ": " + e.getCause(), e);
            }
        }
        return responses;
    }
}
