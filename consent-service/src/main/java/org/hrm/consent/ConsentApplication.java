package org.hrm.consent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the consent service. */
@SpringBootApplication
public class ConsentApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConsentApplication.class, args);
    }
}
