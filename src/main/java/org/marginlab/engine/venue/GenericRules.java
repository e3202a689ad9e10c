package org.marginlab.engine.venue;

import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;

/**
 * A venue-neutral rule set, id {@code generic}: the Binance form (maintenance margin at the
 * liquidation price, {@code MM = notional·MMR − amount}, margin ratio MM / margin balance) for
 * linear and inverse contracts with the MMR and maintenance amount the position gives
 * ({@code maintenance} or {@code tiers}). It covers textbook examples and venues such as dYdX v4,
 * whose isolated liquidation price {@code p' = (e − s·p)/(|s|·MMF − s)} (spec
 * margin-formulas.md §7) is this form with MMR = MMF and amount 0.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class GenericRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "generic";

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public GenericRules() {
        super(ID, "Generic (Binance-style)", "USD", Set.of(ContractType.LINEAR, ContractType.INVERSE), List.of());
    }
}
