/**
 * MongoDB storage of the consent service: the party directory, and per domain the record index, grants and
 * decisions; single-document atomic writes, bulk inserts on the hot paths.
 */
package org.hrm.consent.adapter.mongo;
