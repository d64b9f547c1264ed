package org.hrm.testsupport.architecture.sample.messy.config;

import org.springframework.context.annotation.Configuration;

/** Sample wiring with the wrong suffix. */
@Configuration
public class OpsWiring {}
