/** The HTTP API, the development login, problem-details errors, body limits and rate limits. */
package org.hrm.gateway.adapter.web;
