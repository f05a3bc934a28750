package io.proposalflow.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code ./faults.sh}. */
record FaultsOptions(int proposals, int rounds, int changesEvery, List<Fault> faults, int instanceProposals,
                     boolean twoInstances, Duration smtpOutage, Duration mongoOutage, Duration storyTimeout,
                     Path out, boolean toleratesResendsAfterKill, boolean toleratesResendsAfterCut,
                     boolean help) {

    static final String USAGE = """
            Usage: ./faults.sh [options]

            Runs stories (proposals from submission to FUNDED, every third one with a request for changes
            and a second round) while a fault hits the system, then counts every mail in the recipients'
            mailboxes. Prints one line per run and exits with 1 when a story did not finish, a mail was
            lost or came twice, a review case or a status transition exists twice, something lies in a
            dead-letter topic or a service is not healthy afterwards.

            Options:
              --proposals N           stories per fault run (default 10)
              --rounds N              runs of each fault (default 3)
              --changes-every K       every K-th story has a request for changes (default 3, 0: none)
              --faults a,b,...        which faults (default all): none, kill-proposal, kill-review,
                                      kill-notification, devstack-restart, smtp-outage, mongo-outage
              --instance-proposals N  stories for the two-instance runs (default 24)
              --no-two-instances      skip the runs with two instances of every service
              --only-two-instances    only those
              --smtp-outage SECONDS   how long the SMTP proxy stays cut (default 15)
              --mongo-outage SECONDS  how long the MongoDB proxy stays cut (default 10)
              --story-timeout SECONDS how long a run's stories may take (default 240)
              --out DIR               where the data, logs and table go (default faults/target/faults)
              --tolerate-resends-after-kill
                                      a mail repeated with its own Message-ID after a kill -9 of
                                      notification-service (the window between the server's acceptance
                                      and the sent-record) is counted but does not fail the run
              --tolerate-resends-after-cut
                                      the same for the SMTP outage: a connection cut after the server
                                      took the mail but before its reply reached the sender makes it
                                      send the mail again, with the same Message-ID
              --help
            """;

    /** The faults a run can inject into the one-instance system. */
    enum Fault {
        NONE("none"), KILL_PROPOSAL("kill-proposal"), KILL_REVIEW("kill-review"),
        KILL_NOTIFICATION("kill-notification"), DEVSTACK_RESTART("devstack-restart"), SMTP_OUTAGE("smtp-outage"),
        MONGO_OUTAGE("mongo-outage");

        final String id;

        Fault(String id) {
            this.id = id;
        }

        static Fault of(String id) {
            for (Fault f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown fault '" + id + "'");
        }
    }

    static FaultsOptions parse(String[] args) {
        int proposals = 10;
        int rounds = 3;
        int changesEvery = 3;
        List<Fault> faults = new ArrayList<>(List.of(Fault.KILL_PROPOSAL, Fault.KILL_REVIEW, Fault.KILL_NOTIFICATION,
                Fault.DEVSTACK_RESTART, Fault.SMTP_OUTAGE, Fault.MONGO_OUTAGE));
        int instanceProposals = 24;
        boolean twoInstances = true;
        boolean oneInstance = true;
        Duration smtp = Duration.ofSeconds(15);
        Duration mongo = Duration.ofSeconds(10);
        Duration timeout = Duration.ofSeconds(240);
        Path out = Path.of("faults/target/faults");
        boolean help = false;
        boolean tolerate = false;
        boolean tolerateCut = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--no-two-instances" -> twoInstances = false;
                case "--tolerate-resends-after-kill" -> tolerate = true;
                case "--tolerate-resends-after-cut" -> tolerateCut = true;
                case "--only-two-instances" -> oneInstance = false;
                case "--proposals" -> proposals = positive(arg, value(args, ++i, arg));
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--changes-every" -> changesEvery = Integer.parseInt(value(args, ++i, arg));
                case "--instance-proposals" -> instanceProposals = positive(arg, value(args, ++i, arg));
                case "--smtp-outage" -> smtp = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                case "--mongo-outage" -> mongo = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                case "--story-timeout" -> timeout = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--faults" -> {
                    faults = new ArrayList<>();
                    for (String id : value(args, ++i, arg).split(",")) {
                        faults.add(Fault.of(id.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (!oneInstance) {
            faults = List.of();
        }
        return new FaultsOptions(proposals, rounds, changesEvery, List.copyOf(faults), instanceProposals,
                twoInstances, smtp, mongo, timeout, out, tolerate, tolerateCut, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be 1 or more");
        }
        return n;
    }
}
