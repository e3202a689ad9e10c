package org.marginlab.engine.whatif;

/**
 * A point of an equity-versus-shock curve, for charts ({@code double} by design: it is drawn,
 * not accounted; {@link CascadeResult#equityAt(java.math.BigDecimal)} is the exact value).
 *
 * @param shock   the shock, a fraction (−0.1 = 10 % down)
 * @param equity  the account's total equity at that shock, settlement currency
 */
public record EquityPoint(double shock, double equity) {
}
