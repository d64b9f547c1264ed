package org.hrm.gateway.config;

import org.hrm.gateway.adapter.mongo.MongoReleaseStore;
import org.hrm.gateway.adapter.mongo.MongoViewStore;
import org.hrm.gateway.application.ReleaseStore;
import org.hrm.gateway.application.ViewStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The gateway's own database ({@code spring.mongodb.uri}): its views and every replica's fetches. */
@Configuration
class MongoConfiguration {

    @Bean
    ViewStore viewStore(MongoTemplate mongo) {
        return new MongoViewStore(mongo);
    }

    @Bean
    ReleaseStore releaseStore(MongoTemplate mongo) {
        return new MongoReleaseStore(mongo);
    }
}
