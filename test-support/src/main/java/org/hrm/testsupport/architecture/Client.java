package org.hrm.testsupport.architecture;

/** The infrastructure client libraries, each at home in one adapter (and in config, which wires it). */
public enum Client {
    KAFKA("kafka", "org.apache.kafka..", "org.springframework.kafka.."),
    MONGO("mongo", "com.mongodb..", "org.bson..", "org.springframework.data.mongodb.."),
    WEB3J("chain", "org.web3j..", "okhttp3..", "org.hrm.contracts.ledger..");

    final String adapter;
    final String[] packages;

    Client(String adapter, String... packages) {
        this.adapter = adapter;
        this.packages = packages;
    }
}
