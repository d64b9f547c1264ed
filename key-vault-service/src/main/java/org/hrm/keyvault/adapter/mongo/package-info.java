/** MongoDB storage of wrapped keys: per-domain collections, single-document atomic inserts, bulk on the hot path. */
package org.hrm.keyvault.adapter.mongo;
