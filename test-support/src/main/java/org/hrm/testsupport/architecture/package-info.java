/**
 * The one set of architecture rules every service applies ({@link org.hrm.testsupport.architecture.ServiceArchitecture}),
 * with the service-specific exceptions each states by name and the ratchet of classes that still use contract events
 * outside the adapters (docs/decisions/0043).
 */
package org.hrm.testsupport.architecture;
