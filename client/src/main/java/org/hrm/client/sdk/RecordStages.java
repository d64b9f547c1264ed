package org.hrm.client.sdk;

/** Port: a record's stage, for its author or its owner. */
@FunctionalInterface
public interface RecordStages {
    /** The record's stage; {@link RecordStage#SUBMITTED} while the platform has not yet seen it sealed. */
    RecordStage stageOf(String recordId);
}
