package org.marginlab.app.lesson;

import java.util.Objects;
import java.util.Set;

import org.marginlab.engine.derivation.Figure;

/**
 * A figure a lesson step hides or asks about: {@code ID.FIGURE} for a position's figure
 * ({@code btc-long.liquidationPrice}) or {@code account.FIGURE} for an account figure
 * ({@code account.totalEquity}); FIGURE is an Explain figure id ({@link Figure#id()}).
 *
 * @param positionId  the position's id, or null for an account figure
 * @param figure      the figure: a position figure when {@code positionId} is set, an account
 *                    figure otherwise; never {@link Figure#WALLET_TERM}
 */
public record FigureRef(String positionId, Figure figure) {
    /** The word that names the account in a reference. */
    public static final String ACCOUNT = "account";

    /** Account figures a lesson may name. */
    private static final Set<Figure> ACCOUNT_FIGURES = Set.of(Figure.ACCOUNT_MARGIN_BALANCE, Figure.ACCOUNT_MARGIN_RATIO,
            Figure.AVAILABLE_BALANCE, Figure.TOTAL_EQUITY);

    /**
     * @throws IllegalArgumentException if the figure is null, the wallet term, or of the other kind
     *         (an account figure of a position, a position figure of the account)
     */
    public FigureRef {
        Objects.requireNonNull(figure, "figure");
        if (figure == Figure.WALLET_TERM || (positionId == null) != ACCOUNT_FIGURES.contains(figure)) {
            throw new IllegalArgumentException("not a " + (positionId == null ? "account" : "position") + " figure: "
                    + figure.id());
        }
    }

    /** @return whether this is an account figure */
    public boolean isAccount() {
        return positionId == null;
    }

    /**
     * Parses {@code ID.FIGURE} or {@code account.FIGURE}; the position id is not checked here.
     *
     * @param text  the reference, not null
     * @return the reference, never null
     * @throws IllegalArgumentException with a one-line rule naming the figure ids when the text is
     *         not {@code ID.FIGURE} or names no figure of its kind
     */
    public static FigureRef parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("must be ID.FIGURE or account.FIGURE (got \"" + text + "\")");
        }
        String owner = text.substring(0, dot);
        String id = text.substring(dot + 1);
        boolean account = owner.equals(ACCOUNT);
        Figure f = Figure.byId(id).filter(x -> x != Figure.WALLET_TERM && ACCOUNT_FIGURES.contains(x) == account)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + (account ? "account" : "position")
                        + " figure \"" + id + "\" (figures: " + ids(account) + ")"));
        return new FigureRef(account ? null : owner, f);
    }

    /** @return the figure ids of one kind, comma-separated, in the enum's order */
    static String ids(boolean account) {
        StringBuilder b = new StringBuilder();
        for (Figure f : Figure.values()) {
            if (f != Figure.WALLET_TERM && ACCOUNT_FIGURES.contains(f) == account) {
                b.append(b.length() == 0 ? "" : ", ").append(f.id());
            }
        }
        return b.toString();
    }

    /** @return {@code ID.FIGURE} or {@code account.FIGURE} */
    @Override
    public String toString() {
        return (positionId == null ? ACCOUNT : positionId) + "." + figure.id();
    }
}
