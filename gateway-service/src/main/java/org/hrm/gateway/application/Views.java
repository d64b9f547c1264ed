package org.hrm.gateway.application;

/**
 * The views the gateway keeps, built from the topics; the directory, records, erasures and fetches are also in the
 * gateway's database ({@link ViewStore}, {@link ReleaseStore}), so they outlive the topics' retention and a restart.
 */
public record Views(
        RecordBook records,
        ErasureBook erasures,
        DirectoryBook directory,
        AuditBook audit,
        ReleaseAnswers answers,
        HeartbeatBook heartbeats) {}
