package io.proposalflow.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Command-line options of {@link DevStackMain}. Each option can also come from an environment
 * variable; the command line wins over the environment, which wins over
 * {@link DevStackConfig#defaults()}.
 */
final class DevStackOptions {

    /** One option: its command-line name, its environment variable and its help text. */
    record Option(String name, String environmentVariable, String description) {
    }

    static final Option DATA_DIR = new Option("--data-dir", "DEVSTACK_DATA_DIR",
            "directory for Kafka logs, the MongoDB file and saved mail (default ./data)");
    static final Option KAFKA_PORT = new Option("--kafka-port", "DEVSTACK_KAFKA_PORT",
            "Kafka client port (default 9092)");
    static final Option KAFKA_CONTROLLER_PORT = new Option("--kafka-controller-port",
            "DEVSTACK_KAFKA_CONTROLLER_PORT", "Kafka KRaft controller port (default 9093)");
    static final Option MONGO_PORT = new Option("--mongo-port", "DEVSTACK_MONGO_PORT",
            "MongoDB port (default 27017)");
    static final Option SMTP_PORT = new Option("--smtp-port", "DEVSTACK_SMTP_PORT",
            "SMTP port (default 3025)");
    static final Option IMAP_PORT = new Option("--imap-port", "DEVSTACK_IMAP_PORT",
            "IMAP port (default 3143)");

    static final List<Option> ALL =
            List.of(DATA_DIR, KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT, SMTP_PORT, IMAP_PORT);

    /** The parsed command line: either help was asked for, or a configuration to start. */
    record Parsed(boolean help, DevStackConfig config) {
    }

    private DevStackOptions() {
    }

    /**
     * Parses {@code --name value} and {@code --name=value}.
     *
     * @throws IllegalArgumentException with a message for the user on unknown options or bad values
     */
    static Parsed parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (Option option : ALL) {
            String fromEnvironment = environment.get(option.environmentVariable());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                values.put(option.name(), fromEnvironment.trim());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(true, null);
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (ALL.stream().noneMatch(option -> option.name().equals(name))) {
                throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
            }
            if (arg.contains("=")) {
                values.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
        }
        DevStackConfig defaults = DevStackConfig.defaults();
        return new Parsed(false, new DevStackConfig(
                value(values, DATA_DIR, Path::of, defaults.dataDir()),
                value(values, KAFKA_PORT, DevStackOptions::port, defaults.kafkaPort()),
                value(values, KAFKA_CONTROLLER_PORT, DevStackOptions::port, defaults.kafkaControllerPort()),
                value(values, MONGO_PORT, DevStackOptions::port, defaults.mongoPort()),
                value(values, SMTP_PORT, DevStackOptions::port, defaults.smtpPort()),
                value(values, IMAP_PORT, DevStackOptions::port, defaults.imapPort())));
    }

    private static <T> T value(Map<String, String> values, Option option, Function<String, T> parser,
                               T defaultValue) {
        String value = values.get(option.name());
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + option.name()
                    + " / " + option.environmentVariable() + ": " + e.getMessage());
        }
    }

    private static Integer port(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port number (0 picks a free port)");
        }
        return port;
    }

    static String usage() {
        StringBuilder usage = new StringBuilder()
                .append("Usage: ./run.sh infra [options]\n\n")
                .append("Starts Kafka (KRaft), a MongoDB-compatible server and an SMTP/IMAP server on 127.0.0.1\n")
                .append("and runs until Ctrl-C. Data in the data directory survives a restart.\n\n")
                .append("Options (each also settable by the environment variable shown):\n");
        for (Option option : ALL) {
            String value = option == DATA_DIR ? " <dir>" : " <port>";
            usage.append(String.format("  %-32s env %s%n      %s%n", option.name() + value,
                    option.environmentVariable(), option.description()));
        }
        usage.append("  --help                           print this help\n\n")
                .append("A port of 0 picks a free port.\n");
        return usage.toString();
    }
}
