package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MongoUrisTest {

    @Test
    void theDatabaseGoesBetweenHostsAndOptions() {
        assertThat(MongoUris.withDatabase("mongodb://127.0.0.1:27017", "orders"))
                .isEqualTo("mongodb://127.0.0.1:27017/orders");
        assertThat(MongoUris.withDatabase("mongodb://u:p@h1:1,h2:2/?replicaSet=rs0", "orders"))
                .isEqualTo("mongodb://u:p@h1:1,h2:2/orders?replicaSet=rs0");
        assertThat(MongoUris.withDatabase("mongodb://h:1?tls=true", "orders"))
                .isEqualTo("mongodb://h:1/orders?tls=true");
    }

    @Test
    void aDatabaseAlreadyInTheUriIsReplacedOrRemoved() {
        assertThat(MongoUris.withDatabase("mongodb://h:1/other?w=1", "orders")).isEqualTo("mongodb://h:1/orders?w=1");
        assertThat(MongoUris.withoutDatabase("mongodb://h:1/other")).isEqualTo("mongodb://h:1");
        assertThat(MongoUris.withoutDatabase("mongodb://h:1/other?w=1")).isEqualTo("mongodb://h:1/?w=1");
    }
}
