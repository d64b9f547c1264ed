/**
 * The gateway's own database: its views ({@link org.hrm.gateway.application.ViewStore}) and the fetches of every
 * replica ({@link org.hrm.gateway.application.ReleaseStore}) as MongoDB documents, one per id.
 */
package org.hrm.gateway.adapter.mongo;
