package kg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs a Neo4j community DBMS with only the Bolt connector, on 127.0.0.1.
 *
 * Usage: Launcher <home dir> <bolt port, 0 for any free one> <page cache MiB>
 *
 * Prints one line "NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts connections.
 * Stops cleanly on SIGTERM/SIGINT and also when stdin closes, so the database never
 * outlives the Node process that started it, even if that process is killed hard.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher <home dir> <bolt port> <page cache MiB>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = Long.parseLong(args[2]);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        // Further settings for the embedded Neo4j, "name=value;name=value" (e.g. a transaction memory
        // limit for a test, or db.memory.transaction.total.max for a large import).
        String extra = System.getenv("NEO4J_LOCAL_SETTINGS");
        if (extra != null && !extra.isBlank()) {
            Path conf = home.resolve("launcher-settings.conf");
            java.nio.file.Files.writeString(conf, String.join("\n", extra.split(";")) + "\n");
            builder.loadPropertiesFromFile(conf);
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(2))
                .build();

        Thread stopper = new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                System.err.println("neo4j shutdown failed: " + e.getMessage());
            }
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        // The parent holds our stdin open; EOF means it has gone, so we go too.
        InputStream in = System.in;
        try {
            while (in.read() != -1) {
                // ignore input
            }
        } catch (IOException ignored) {
            // treat a broken pipe like EOF
        }
        System.exit(0);
    }
}
