package io.proposalflow.devstack;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) on 127.0.0.1.
 *
 * <p>It is a stand-in, not MongoDB: no transactions, TTL indexes never expire documents and
 * non-unique secondary indexes are ignored, except partial ones (see {@link IdIndexedBackends}).
 * Code is written for real MongoDB first.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server that keeps everything in memory; {@code port} 0 picks a free port. */
    public static EmbeddedMongo startInMemory(int port) {
        Ports.requireFree(port, "MongoDB");
        return start(IdIndexedBackends.inMemory(), port);
    }

    /**
     * Starts a server that stores its databases in one H2 MVStore file, which survives a restart.
     * The file is committed and closed on {@link #close()}.
     */
    public static EmbeddedMongo startPersistent(Path h2File, int port) {
        // checked before the file is opened, so a second dev stack fails on the port, not on a file lock
        Ports.requireFree(port, "MongoDB");
        Path file = h2File.toAbsolutePath();
        Directories.create(file.getParent());
        return start(IdIndexedBackends.persistent(file.toString()), port);
    }

    private static EmbeddedMongo start(MongoBackend store, int port) {
        MongoBackend backend = new CountingMongoBackend(store);
        try {
            // MONGO_5_0 announces wire version 8 (MongoDB 4.2), the lowest the Java driver 5.x
            // accepts; older settings make the driver refuse to talk to the server.
            backend.version(ServerVersion.MONGO_5_0);
            // no oplog: nothing here uses change streams, and keeping one cost a write per write
            MongoServer server = new MongoServer(backend);
            server.bind(Ports.LOOPBACK, port);
            return new EmbeddedMongo(server, server.getLocalAddress().getPort());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Server URI without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        // also closes the backend, which commits and closes the H2 file
        server.shutdown();
    }
}
