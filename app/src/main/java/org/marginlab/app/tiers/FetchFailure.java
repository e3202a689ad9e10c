package org.marginlab.app.tiers;

import java.util.Objects;

/**
 * Why a venue's table was not taken: the venue could not be reached ({@link Kind#OFFLINE}), or it
 * answered with something that is not a valid tier table ({@link Kind#REFUSED}: an HTTP error, a
 * body that is not JSON, too large, of the wrong shape, a negative or missing number, a table the
 * engine's checks reject). The message is one line for the user, naming the host or the field and
 * the reason; nothing is changed by a failed fetch.
 */
public final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The two ways a fetch fails. */
    public enum Kind {
        /** No answer: connection refused, unknown host, timed out. */
        OFFLINE,
        /** An answer that is not taken: HTTP error, not JSON, too large, wrong shape, invalid numbers. */
        REFUSED
    }

    private final Kind kind;

    /**
     * @param kind     how it failed, not null
     * @param message  one line for the user, not null
     */
    public FetchFailure(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return how it failed, never null */
    public Kind kind() {
        return kind;
    }

    /**
     * @param message  why, one line, not null
     * @return a {@link Kind#REFUSED} failure
     */
    static FetchFailure refused(String message) {
        return new FetchFailure(Kind.REFUSED, message);
    }

    /**
     * @param prefix  what to put in front of the message (the venue and symbol), not null
     * @return the same failure with its message prefixed
     */
    FetchFailure prefixed(String prefix) {
        FetchFailure f = new FetchFailure(kind, prefix + getMessage());
        f.setStackTrace(getStackTrace());
        return f;
    }
}
