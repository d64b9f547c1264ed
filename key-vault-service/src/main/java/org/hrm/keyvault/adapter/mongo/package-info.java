/**
 * MongoDB storage of wrapped keys, erasures, erased-record markers and the single-use marks of access decisions:
 * per-domain collections, single-document atomic operations only (no transactions), bulk on the hot path.
 */
package org.hrm.keyvault.adapter.mongo;
