/**
 * Kafka side of the consent service: batch listeners on the party, record, consent, access-request and
 * keys-destroyed topics, the publisher of decisions, audit events, standing grants and dead letters, and their
 * wiring; contract events are checked (a request's authority, RequestAuthority) and mapped to the service's domain
 * here, and the bytes a decision's signature covers are the contract's (AccessDecidedBytes).
 */
package org.hrm.consent.adapter.kafka;
