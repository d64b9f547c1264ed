/**
 * The gateway's adapters, one per subpackage (Kafka, MongoDB, web, FHIR, ops); none calls another but where
 * ArchitectureTest states why. A mapping of a contract event that two adapters both need lives here, in no single
 * adapter: {@link org.hrm.gateway.adapter.RecordMapping}, which the topic reader and the web's submit endpoint share.
 */
package org.hrm.gateway.adapter;
