/** Use cases of the vault (seal a batch of submissions, remove the outer layer) and the ports they store keys through. */
package org.hrm.keyvault.application;
