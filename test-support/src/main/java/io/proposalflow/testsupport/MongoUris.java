package io.proposalflow.testsupport;

/** Puts a database into a MongoDB connection string, keeping hosts, credentials and options. */
final class MongoUris {

    private MongoUris() {
    }

    /**
     * {@code mongodb://h:1/?replicaSet=rs} with {@code orders} becomes
     * {@code mongodb://h:1/orders?replicaSet=rs}; a database already in the URI is replaced.
     */
    static String withDatabase(String uri, String database) {
        return serverUri(uri) + "/" + database + query(uri);
    }

    /**
     * The URI without a database: {@code mongodb://h:1/db?replicaSet=rs} becomes
     * {@code mongodb://h:1/?replicaSet=rs}, {@code mongodb://h:1/db} becomes {@code mongodb://h:1}.
     */
    static String withoutDatabase(String uri) {
        String query = query(uri);
        return serverUri(uri) + (query.isEmpty() ? "" : "/" + query);
    }

    private static String serverUri(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("Not a MongoDB connection string: " + uri);
        }
        int hostsStart = schemeEnd + 3;
        int end = uri.length();
        int slash = uri.indexOf('/', hostsStart);
        int question = uri.indexOf('?', hostsStart);
        if (slash >= 0) {
            end = slash;
        } else if (question >= 0) {
            end = question;
        }
        return uri.substring(0, end);
    }

    private static String query(String uri) {
        int question = uri.indexOf('?', uri.indexOf("://") + 3);
        return question < 0 ? "" : uri.substring(question);
    }
}
