package io.proposalflow.testsupport.shape.bad.application;

import io.proposalflow.testsupport.shape.bad.persistence.CaseStore;

public class CaseUseCases {

    private final CaseStore store = new CaseStore();

    public CaseStore store() {
        return store;
    }
}
