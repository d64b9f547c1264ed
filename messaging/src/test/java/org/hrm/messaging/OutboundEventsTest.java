package org.hrm.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.events.AuditEvent;
import org.junit.jupiter.api.Test;

class OutboundEventsTest {

    @Test
    void anEncodedEventIsSentAsWrittenWithEveryEventsHeaders() {
        byte[] written = "{ \"id\" : \"as signed\" }".getBytes(UTF_8);

        ProducerRecord<String, byte[]> out =
                OutboundEvents.encoded("hrm.ops.gateway-audit", "patient-1", written, AuditEvent.class, "event-1");

        assertThat(out.value()).isSameAs(written);
        assertThat(out.key()).isEqualTo("patient-1");
        assertThat(header(out, EventHeaders.EVENT_ID)).isEqualTo("event-1");
        assertThat(header(out, EventHeaders.EVENT_TYPE)).isEqualTo(EventCodec.typeName(AuditEvent.class));
        assertThat(header(out, EventHeaders.SCHEMA_VERSION)).isEqualTo(String.valueOf(EventCodec.SCHEMA_VERSION));
        assertThat(header(out, EventHeaders.TRACE_PARENT)).isNotBlank();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
