package org.marginlab.app.tiers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way the app talks to a venue: an HTTP GET or POST of a public endpoint (no key, no
 * cookie, no redirect followed) whose answer must be JSON, within limits. It connects within
 * {@link #connectTimeout}, takes the whole answer within {@link #requestTimeout}, reads at most
 * {@link #maxBytes} bytes (a longer answer, or one that announces more, is refused without being
 * read further) and parses it with Jackson's tree model under {@link StreamReadConstraints} (depth,
 * string and number lengths), numbers as exact decimals.
 *
 * <p>Failures are one line for the user: {@code Could not reach api.bybit.com: connection refused}
 * ({@link FetchFailure.Kind#OFFLINE}), {@code api.bybit.com answered HTTP 503} or {@code the answer
 * of api.bybit.com is not JSON (it starts with "<!DOCTYPE html>")} ({@link FetchFailure.Kind#REFUSED}).
 *
 * <p>Blocking: call it off the JavaFX thread. Thread-safe.
 */
public final class JsonHttp {
    /** Default time to open a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time for a whole answer. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Default largest answer read: Hyperliquid's meta, the largest answer used, is a few hundred kB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final JsonMapper mapper;
    private final String userAgent;

    /** A client with the default timeouts and size limit. */
    public JsonHttp() {
        this(CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BYTES);
    }

    /**
     * @param connectTimeout  time to open a connection, positive, not null
     * @param requestTimeout  time for a whole answer, positive, not null
     * @param maxBytes        largest answer read, in bytes, positive
     */
    public JsonHttp(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxBytes <= 0 || connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts and size limit must be positive");
        }
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(64)
                                .maxStringLength(100_000)
                                .maxNameLength(1_000)
                                .maxNumberLength(100)
                                .maxDocumentLength(maxBytes)
                                .build())
                        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        this.userAgent = "MarginLab tier refresh";
    }

    /** @return the time to open a connection */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the time for a whole answer */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the largest answer read, in bytes */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * GETs a public endpoint.
     *
     * @param uri  the endpoint with its query, not null
     * @return the parsed answer, never null
     * @throws FetchFailure if it cannot be reached or its answer is refused
     */
    public JsonNode get(URI uri) throws FetchFailure {
        return send(uri, HttpRequest.newBuilder(uri).GET());
    }

    /**
     * POSTs a JSON body to a public endpoint (Hyperliquid's info endpoint).
     *
     * @param uri       the endpoint, not null
     * @param jsonBody  the request body, JSON, not null
     * @return the parsed answer, never null
     * @throws FetchFailure if it cannot be reached or its answer is refused
     */
    public JsonNode post(URI uri, String jsonBody) throws FetchFailure {
        return send(uri, HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)));
    }

    /**
     * Parses a JSON document with the same limits as an answer (a file the user saved from a venue).
     *
     * @param bytes  the document, not null
     * @param what   what it is, for the message ({@code the file brackets.json}), not null
     * @return the parsed document, never null
     * @throws FetchFailure ({@link FetchFailure.Kind#REFUSED}) if it is not JSON or breaks a limit
     */
    public JsonNode parse(byte[] bytes, String what) throws FetchFailure {
        if (bytes.length > maxBytes) {
            throw FetchFailure.refused(what + " is larger than " + sizeText(maxBytes) + ": refused");
        }
        if (bytes.length == 0) {
            throw FetchFailure.refused(what + " is empty");
        }
        try {
            return mapper.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw FetchFailure.refused(what + " breaks a limit (" + firstLine(e.getOriginalMessage()) + "): refused");
        } catch (JsonProcessingException e) {
            String start = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8).strip();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.contains("end-of-input")) {
                throw FetchFailure.refused(what + " is cut short: its JSON ends before it is complete ("
                        + bytes.length + " bytes)");
            }
            throw FetchFailure.refused(what + " is not JSON (it starts with \"" + printable(start) + "\")");
        } catch (IOException e) {
            throw FetchFailure.refused(what + " cannot be read: " + e.getMessage());
        }
    }

    private JsonNode send(URI uri, HttpRequest.Builder builder) throws FetchFailure {
        String host = uri.getAuthority() == null ? String.valueOf(uri) : uri.getAuthority();
        HttpRequest request = builder.timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> info.statusCode() == 200
                ? new Limited(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1))
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            // the request timeout covers the headers; this covers the whole body too
            response = future.get(requestTimeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": no complete answer within "
                    + seconds(requestTimeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailure.Kind.OFFLINE, "Stopped before " + host + " answered");
        } catch (CancellationException e) {
            throw new FetchFailure(FetchFailure.Kind.OFFLINE, "Stopped before " + host + " answered");
        } catch (ExecutionException e) {
            throw failure(host, e.getCause());
        }
        if (response.statusCode() != 200) {
            int status = response.statusCode();
            throw FetchFailure.refused(host + " answered HTTP " + status
                    + (status / 100 == 3 ? " (a redirect, not followed)" : status == 429 ? " (too many requests; try later)"
                            : ""));
        }
        return parse(response.body(), "the answer of " + host);
    }

    private FetchFailure failure(String host, Throwable cause) {
        Throwable c = cause;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof TooLarge) {
            return FetchFailure.refused("the answer of " + host + " is larger than " + sizeText(maxBytes) + ": refused");
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": no connection within "
                    + seconds(connectTimeout));
        }
        if (c instanceof HttpTimeoutException) {
            return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": no answer within "
                    + seconds(requestTimeout));
        }
        if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException
                || c != null && c.getCause() instanceof UnresolvedAddressException) {
            return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host
                    + ": the name does not resolve (offline?)");
        }
        if (c instanceof ConnectException) {
            return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": connection refused");
        }
        if (c instanceof IOException) {
            String m = c.getMessage();
            return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": "
                    + (m == null || m.isBlank() ? c.getClass().getSimpleName() : firstLine(m)));
        }
        return new FetchFailure(FetchFailure.Kind.OFFLINE, "Could not reach " + host + ": "
                + (c == null ? "unknown error" : c.getClass().getSimpleName() + " " + String.valueOf(c.getMessage())));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String sizeText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return b.toString();
    }

    /** The answer announced or sent more bytes than allowed. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large");
        }
    }

    /** Collects a body up to a limit; more (or a larger announced length) fails it and cancels the rest. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final long announced;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private boolean done;

        Limited(int max, long announced) {
            this.max = max;
            this.announced = announced;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announced > max) {
                done = true;
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            if (done) {
                return;
            }
            for (ByteBuffer b : items) {
                if ((long) out.size() + b.remaining() > max) {
                    done = true;
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.write(a, 0, a.length);
            }
        }

        @Override
        public synchronized void onError(Throwable t) {
            done = true;
            result.completeExceptionally(t);
        }

        @Override
        public synchronized void onComplete() {
            if (!done) {
                done = true;
                result.complete(out.toByteArray());
            }
        }
    }
}
