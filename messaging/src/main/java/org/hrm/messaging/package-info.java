/**
 * The one Kafka library of the services. Producers ({@link ProducerSettings}: idempotent, acks=all, from Spring Boot's
 * properties), batch listener containers that commit after each batch and retry it without end
 * ({@link ConsumerSettings}, {@link BatchContainers}, {@link BatchRetries}), waiting for a batch's sends
 * ({@link Acknowledgements}), the headers of an outgoing event ({@link OutboundEvents}) and the type and version
 * checks of an incoming one ({@link InboundEvents}), trace context ({@link Traces}), dead letters
 * ({@link DeadLetters}, {@link DeadLetterRecords}), topics from the catalogue ({@link CatalogueTopics}) and Kafka's
 * client metrics ({@link KafkaClientMeters}). A service keeps its handlers, its mappings and the settings that are its
 * own.
 */
package org.hrm.messaging;
