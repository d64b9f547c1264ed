/**
 * The use cases "commit sealed records", "record consents on chain" (with the revocations held for their grant,
 * {@link org.hrm.ledgerwriter.application.EarlyRevocations}) and "commit erasures", the signing lane they share and
 * the ports they drive: chain, ledger, consent and erasure indexes, held revocations, commit and erasure publishers.
 */
package org.hrm.ledgerwriter.application;
