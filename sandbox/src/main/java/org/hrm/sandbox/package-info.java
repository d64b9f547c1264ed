/**
 * The local sandbox: starts the platform on embedded infrastructure (no Docker) and runs the stories
 * behind {@code ./hrm up} and {@code ./hrm demo}.
 */
package org.hrm.sandbox;
