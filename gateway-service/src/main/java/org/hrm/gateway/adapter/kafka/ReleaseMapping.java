package org.hrm.gateway.adapter.kafka;

import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.gateway.application.Release;
import org.hrm.gateway.application.ReleaseAnswers;

/**
 * The vault's answers as the gateway's {@link ReleaseAnswers} read them: a {@link RecordReleased} is decoded (and so
 * checked) here and becomes a {@link Release} that keeps the event's bytes as read, for its requester to get unchanged;
 * a {@link RecordReleaseDenied} becomes its reason.
 */
public final class ReleaseMapping {
    private ReleaseMapping() {}

    /** The release in {@code event}, a {@link RecordReleased} as read from the topic. */
    public static Release release(EventCodec codec, byte[] event) {
        RecordReleased released = codec.decode(event, RecordReleased.class);
        return new Release(released.requestId(), released.recordId(), released.requesterId(), event);
    }

    public static void denied(ReleaseAnswers answers, RecordReleaseDenied denied) {
        answers.denied(denied.requestId(), denied.recordId(), denied.requesterId(), denied.reason());
    }
}
