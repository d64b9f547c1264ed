/**
 * MongoDB storage of wrapped keys and of the single-use marks of access decisions: per-domain collections,
 * single-document atomic inserts, bulk on the hot path.
 */
package org.hrm.keyvault.adapter.mongo;
