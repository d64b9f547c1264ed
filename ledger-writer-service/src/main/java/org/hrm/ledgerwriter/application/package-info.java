/** The use case "commit sealed records" and the ports it drives: chain, ledger index, commit publisher. */
package org.hrm.ledgerwriter.application;
