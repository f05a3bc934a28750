package io.proposalflow.testsupport.shape.good.application;

import java.time.Clock;

import io.proposalflow.testsupport.shape.good.persistence.CaseStore;

public class CaseUseCases {

    private final CaseStore store;
    private final Clock clock;

    public CaseUseCases(CaseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void close(String id) {
        store.save(store.load(id).close(clock.instant()));
    }
}
