package io.proposalflow.platform.support;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.platform.persistence.AggregateDocument;

/** A minimal aggregate for the platform's own tests: a counter that events increment. */
@Document("test_aggregates")
public class TestAggregate extends AggregateDocument {

    @Id
    private String id;
    private int counter;
    /** The trace id under which the consumer last handled an event for this aggregate. */
    private String lastTraceId;

    public TestAggregate() {
    }

    public TestAggregate(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getCounter() {
        return counter;
    }

    public void setCounter(int counter) {
        this.counter = counter;
    }

    public String getLastTraceId() {
        return lastTraceId;
    }

    public void setLastTraceId(String lastTraceId) {
        this.lastTraceId = lastTraceId;
    }

    public void increment() {
        counter++;
    }
}
