package io.proposalflow.testsupport.shape.good.config;

import java.time.Clock;

public class Clocks {

    public Clock clock() {
        return Clock.systemUTC();
    }
}
