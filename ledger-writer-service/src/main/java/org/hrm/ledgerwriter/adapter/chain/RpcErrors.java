package org.hrm.ledgerwriter.adapter.chain;

import java.util.Locale;
import org.web3j.protocol.core.Response;

/** Classifies node error messages (geth, Besu and Anvil word them differently). */
final class RpcErrors {
    private RpcErrors() {}

    static boolean alreadyKnown(Response.Error error) {
        String message = text(error);
        return message.contains("already known")
                || message.contains("known transaction")
                || message.contains("already imported")
                || message.contains("already in");
    }

    static boolean nonceTooLow(Response.Error error) {
        return text(error).contains("nonce too low");
    }

    /** A nonce error of any kind: the local count is off and must be fetched again. */
    static boolean nonceError(Response.Error error) {
        String message = text(error);
        return message.contains("nonce") || message.contains("too far in future");
    }

    private static String text(Response.Error error) {
        return error == null || error.getMessage() == null
                ? ""
                : error.getMessage().toLowerCase(Locale.ROOT);
    }
}
