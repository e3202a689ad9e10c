package org.marginlab.engine.replay;

/** Which account a {@link PathReplay} walks along the path. */
public enum ReplaySide {
    /** Every position isolated, as the isolated-vs-cross comparison builds it. */
    ISOLATED("isolated"),
    /** Every position cross, as the isolated-vs-cross comparison builds it. */
    CROSS("cross"),
    /** The account as entered, each position in its own margin mode. */
    ACCOUNT("account");

    private final String label;

    ReplaySide(String label) {
        this.label = label;
    }

    /** @return the side's name in lower case, e.g. {@code isolated} */
    public String label() {
        return label;
    }
}
