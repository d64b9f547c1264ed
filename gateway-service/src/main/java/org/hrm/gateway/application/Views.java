package org.hrm.gateway.application;

/** The views the gateway keeps, all built from the topics. */
public record Views(
        RecordBook records,
        ErasureBook erasures,
        DirectoryBook directory,
        AuditBook audit,
        ReleaseAnswers answers,
        HeartbeatBook heartbeats) {}
