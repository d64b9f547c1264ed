package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.keyvault.application.CommandProgress;
import org.hrm.keyvault.application.MasterKeyRotation;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Runs operators' vault commands one at a time (ROTATE, RETIRE, ROTATE_PSEUDONYM) and publishes their VaultProgress; a malformed
 * command is dead-lettered. A command redelivered after a crash runs again, which both commands allow.
 */
final class VaultCommandListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(VaultCommandListener.class);

    private final ErasureParser parser;
    private final MasterKeyRotation rotation;
    private final ErasureEventPublisher publisher;
    private final VaultEventPublisher deadLetters;
    private final Duration sendTimeout;

    VaultCommandListener(
            ErasureParser parser,
            MasterKeyRotation rotation,
            ErasureEventPublisher publisher,
            VaultEventPublisher deadLetters,
            Duration sendTimeout) {
        this.parser = parser;
        this.rotation = rotation;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try (var trace = Traces.open(record)) {
                handle(record, sends);
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private void handle(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        Parsed<VaultCommand> command = parser.command(record);
        if (command.accepted()) {
            run(command.value(), progress -> sends.add(publisher.progress(progress)));
        } else {
            sends.add(deadLetters.deadLetter(record, command.refusal()));
        }
    }

    private void run(VaultCommand command, Consumer<CommandProgress> progress) {
        log.info("Vault command {} {} (version {})", command.commandId(), command.command(), command.version());
        CommandProgress last = switch (command.command()) {
            case MasterKeyRotation.ROTATE -> rotation.rotate(command.commandId(), progress);
            case MasterKeyRotation.ROTATE_PSEUDONYM -> rotation.rotatePseudonym(command.commandId());
            default -> rotation.retire(command.commandId(), command.version());
        };
        if (!MasterKeyRotation.ROTATE.equals(command.command())) {
            progress.accept(last);
        }
        log.info("Vault command {} {}: {} ({})", command.commandId(), command.command(), last.state(), last.message());
    }
}
