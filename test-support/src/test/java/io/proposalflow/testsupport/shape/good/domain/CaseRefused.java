package io.proposalflow.testsupport.shape.good.domain;

public class CaseRefused extends RuntimeException {

    public CaseRefused(String message) {
        super(message);
    }
}
