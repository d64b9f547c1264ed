/**
 * Adapters to the outside (Kafka, MongoDB, the chain); each depends on the application layer, never on another
 * adapter.
 */
package org.hrm.keyvault.adapter;
