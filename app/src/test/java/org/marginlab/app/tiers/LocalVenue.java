package org.marginlab.app.tiers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the venues: the JDK's HTTP server on 127.0.0.1, serving recorded answers
 * ({@code /tiers/*.json} test resources) or hostile ones at exact paths and queries. Never the
 * network.
 */
public final class LocalVenue implements AutoCloseable {
    /** What to answer at one path and query. */
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-venue");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private LocalVenue(HttpServer server) {
        this.server = server;
    }

    /** @return a started server on a free port of 127.0.0.1 */
    public static LocalVenue start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalVenue v = new LocalVenue(s);
            s.createContext("/", v::handle);
            s.setExecutor(v.threads);
            s.start();
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the host and port, as messages name it */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a recorded answer ({@code /tiers/<name>}) at a path and query. */
    public LocalVenue serve(String pathAndQuery, String resource) {
        byte[] body = resource(resource);
        return answer(pathAndQuery, ex -> send(ex, 200, body));
    }

    /** Serves bytes with a status at a path and query. */
    public LocalVenue serveBytes(String pathAndQuery, int status, byte[] body) {
        return answer(pathAndQuery, ex -> send(ex, status, body));
    }

    /** Serves text with status 200 at a path and query. */
    public LocalVenue serveText(String pathAndQuery, String body) {
        return serveBytes(pathAndQuery, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers only after a delay (longer than the client waits). */
    public LocalVenue serveSlowly(String pathAndQuery, Duration delay, String resource) {
        byte[] body = resource(resource);
        return answer(pathAndQuery, ex -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, body);
        });
    }

    /** Answers with a custom handler. */
    public LocalVenue answer(String pathAndQuery, Answer answer) {
        routes.put(pathAndQuery, answer);
        return this;
    }

    /** @return the requests received, {@code GET /path?query} or {@code POST /path body} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery();
            String key = ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            String body = "";
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readNBytes(10_000), StandardCharsets.UTF_8);
            }
            requests.add(ex.getRequestMethod() + " " + key + (body.isEmpty() ? "" : " " + body));
            Answer a = routes.get(key);
            if (a == null) {
                send(ex, 404, "{\"error\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                a.answer(ex);
            }
        }
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** @return the bytes of the test resource {@code /tiers/<name>} */
    public static byte[] resource(String name) {
        try (InputStream in = LocalVenue.class.getResourceAsStream("/tiers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /tiers/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
