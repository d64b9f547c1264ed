/** Event records, past tense, one per fact that crosses a service boundary. */
package org.hrm.contracts.events;
