/**
 * The use cases "commit sealed records", "record consents on chain" and "commit erasures", the signing
 * lane they share and the ports they drive: chain, ledger, consent and erasure indexes, commit and
 * erasure publishers.
 */
package org.hrm.ledgerwriter.application;
