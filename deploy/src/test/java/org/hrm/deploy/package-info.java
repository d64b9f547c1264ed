/**
 * Offline checks of the production deployment: docker-compose.yml, the Besu network files in
 * deploy/besu and the Kubernetes manifests in deploy/kubernetes. No Docker, cluster or network needed.
 */
package org.hrm.deploy;
