/**
 * The key vault service: adds the outer encryption layer to submitted records and keeps the key hierarchy
 * (K2 under owner KEKs under the master key) in its own MongoDB database.
 */
package org.hrm.keyvault;
