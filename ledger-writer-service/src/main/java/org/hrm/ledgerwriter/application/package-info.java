/**
 * The use cases "commit sealed records" and "record consents on chain", the signing lane they share
 * and the ports they drive: chain, ledger and consent indexes, commit publisher.
 */
package org.hrm.ledgerwriter.application;
