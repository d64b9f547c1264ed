package org.hrm.ledgerwriter.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.support.DirectoryFeed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger writer's party directory: each registration or key rotation on the parties topic is applied only if
 * the shared directory rules accept it (attested, proven, vouched for); the others are dead-lettered with the reason.
 */
@Component
class PartyListener {
    private final DirectoryFeed feed;
    private final DeadLetterPublisher deadLetters;

    PartyListener(EventCodec codec, DirectoryKeeper directory, DeadLetterPublisher deadLetters) {
        this.feed = new DirectoryFeed(codec, directory);
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = "ledger-writer-parties",
            idIsGroup = false,
            containerFactory = KafkaConfiguration.DIRECTORY_CONTAINER_FACTORY,
            topics = "#{T(org.hrm.contracts.Topic).PARTY_REGISTERED.allNames()}",
            batch = "true")
    void onParties(List<ConsumerRecord<String, byte[]>> records) {
        List<DeadLetter> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            feed.apply(record).ifPresent(reason -> refused.add(new DeadLetter(record, reason)));
        }
        deadLetters.publish(refused);
    }
}
