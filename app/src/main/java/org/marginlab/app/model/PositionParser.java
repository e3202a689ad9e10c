package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * Parses one {@link PositionDraft} into an engine {@link Position} and checks it against a
 * venue's rules ({@link MarginEngine#check}), collecting one {@link FieldError} per broken
 * field. Nothing here throws on bad input. Stateless apart from its locale; thread-safe.
 */
public final class PositionParser {
    private static final BigDecimal MIN_LEVERAGE = BigDecimal.ONE;

    private final DecimalInput decimals;

    /** @param decimals  how typed numbers are read, not null */
    public PositionParser(DecimalInput decimals) {
        this.decimals = java.util.Objects.requireNonNull(decimals, "decimals");
    }

    /**
     * The outcome of parsing one position.
     *
     * @param position     the position, or null while an input is invalid
     * @param errors       one error per broken field (unmodifiable), empty when valid
     * @param problem      a rule about the position as a whole (unknown symbol, contract type the
     *                     venue does not have), or null
     * @param leverageMax  the max leverage of the position's tier at the mark (slider bound), or
     *                     null when unknown
     */
    public record Parsed(Position position, Map<InputField, FieldError> errors, FieldError problem,
            BigDecimal leverageMax) {
        /** @return whether the position parsed and passed the venue's checks */
        public boolean valid() {
            return position != null;
        }
    }

    /**
     * @param draft  the typed position, not null
     * @param venue  the venue whose rules apply, not null
     * @return the parsed position or the errors, never null
     */
    public Parsed parse(PositionDraft draft, VenueRules venue) {
        Map<InputField, FieldError> errs = new EnumMap<>(InputField.class);
        FieldError problem = null;
        Position p = null;
        try {
            p = build(draft, venue, errs);
            if (p != null) {
                MarginEngine.DEFAULT.check(p, venue);
            }
        } catch (ValidationException e) {
            InputField f = InputField.byFileField(e.field());
            FieldError fe = new FieldError(f, f == null ? label(e.field()) : f.label(), e.rule(), e.value());
            if (f != null) {
                errs.put(f, fe);
            } else {
                problem = fe;
            }
            p = null;
        }
        BigDecimal max = leverageMax(p != null ? p : probe(draft), venue);
        return new Parsed(p, Collections.unmodifiableMap(errs), problem, max);
    }

    /**
     * @param text  typed text
     * @return the number, or null when it does not parse
     */
    public BigDecimal tryParse(String text) {
        try {
            return decimals.parse(text);
        } catch (DecimalInput.InputException e) {
            return null;
        }
    }

    /** @return the reader of typed numbers */
    public DecimalInput decimals() {
        return decimals;
    }

    private Position build(PositionDraft d, VenueRules venue, Map<InputField, FieldError> errs) {
        BigDecimal quantity = required(d, InputField.QUANTITY, errs);
        BigDecimal entry = required(d, InputField.ENTRY_PRICE, errs);
        BigDecimal mark = required(d, InputField.MARK_PRICE, errs);
        BigDecimal leverage = required(d, InputField.LEVERAGE, errs);
        BigDecimal margin = d.mode() == MarginMode.ISOLATED ? optional(d, InputField.ISOLATED_MARGIN, errs) : null;
        BigDecimal contractSize = optional(d, InputField.CONTRACT_SIZE, errs);
        BigDecimal mmr = optional(d, InputField.MMR, errs);
        BigDecimal amount = optional(d, InputField.MAINTENANCE_AMOUNT, errs);
        BigDecimal liquidationFee = optional(d, InputField.LIQUIDATION_FEE_RATE, errs);
        BigDecimal taker = optional(d, InputField.TAKER_FEE_RATE, errs);
        BigDecimal maker = optional(d, InputField.MAKER_FEE_RATE, errs);
        BigDecimal funding = optional(d, InputField.FUNDING_RATE, errs);
        BigDecimal interval = optional(d, InputField.FUNDING_INTERVAL_HOURS, errs);
        BigDecimal holding = optional(d, InputField.HOLDING_HOURS, errs);
        BigDecimal volatility = optional(d, InputField.VOLATILITY, errs);
        BigDecimal horizon = optional(d, InputField.PROBABILITY_HORIZON_HOURS, errs);
        if (mmr == null && amount != null && !errs.containsKey(InputField.MAINTENANCE_AMOUNT)
                && !errs.containsKey(InputField.MMR)) {
            errs.put(InputField.MMR, new FieldError(InputField.MMR, InputField.MMR.label(),
                    "is required when a maintenance amount is given", null));
        }
        if (!errs.isEmpty()) {
            return null;
        }
        Position.Builder b = d.template() != null ? d.template().toBuilder() : Position.builder();
        b.id(d.id()).symbol(d.symbol()).side(d.side()).contract(d.contract()).contractSize(contractSize)
                .quantity(quantity).entryPrice(entry).markPrice(mark).leverage(leverage).marginMode(d.mode())
                .isolatedMargin(margin).takerFeeRate(taker)
                .maintenance(mmr == null ? null : new Maintenance(mmr, amount == null ? BigDecimal.ZERO : amount));
        if (mmr != null) {
            b.tiers(null);
        }
        // the typed liquidation-fee rate and cost inputs; the position's other venue inputs stay as loaded
        org.marginlab.engine.VenueParameters kept = d.template() != null ? d.template().venueParameters()
                : org.marginlab.engine.VenueParameters.NONE;
        b.venueParameters(kept.toBuilder().liquidationFeeRate(liquidationFee).makerFeeRate(maker).fundingRate(funding)
                .fundingIntervalHours(interval).holdingHours(holding).volatility(volatility)
                .probabilityHorizonHours(horizon).build());
        Position p = b.build();
        if (p.marginMode() == MarginMode.ISOLATED && margin == null) {
            // no margin typed: the linked margin (initial margin at entry rounded up to 8 decimals),
            // the amount a transfer then adds to; the engine's exact default (an inverse contract's
            // 1/6000 BTC) would give a margin text longer than a field or a file holds, and the
            // money moved to it would vanish from the figures
            p = p.toBuilder().isolatedMargin(LinkedMargin.of(p, venue)).build();
        }
        return p;
    }

    private BigDecimal optional(PositionDraft d, InputField field, Map<InputField, FieldError> errs) {
        String typed = d.text(field);
        return typed.isBlank() ? null : required(d, field, errs);
    }

    private BigDecimal required(PositionDraft d, InputField field, Map<InputField, FieldError> errs) {
        String typed = d.text(field);
        try {
            return decimals.parse(typed);
        } catch (DecimalInput.InputException e) {
            errs.put(field, new FieldError(field, field.label(), e.getMessage(), typed.isBlank() ? null : typed.strip()));
            return null;
        }
    }

    /** A position with leverage 1, to look up the tier's max leverage while leverage is invalid. */
    private Position probe(PositionDraft d) {
        BigDecimal q = tryParse(d.text(InputField.QUANTITY));
        BigDecimal en = tryParse(d.text(InputField.ENTRY_PRICE));
        BigDecimal m = tryParse(d.text(InputField.MARK_PRICE));
        if (q == null || en == null || m == null) {
            return null;
        }
        try {
            Position.Builder b = d.template() != null ? d.template().toBuilder() : Position.builder();
            return b.id(d.id()).symbol(d.symbol()).side(d.side()).contract(d.contract()).quantity(q)
                    .entryPrice(en).markPrice(m).leverage(MIN_LEVERAGE).marginMode(MarginMode.CROSS)
                    .isolatedMargin(null).build();
        } catch (ValidationException e) {
            return null;
        }
    }

    private static BigDecimal leverageMax(Position probe, VenueRules venue) {
        if (probe == null) {
            return null;
        }
        try {
            return venue.maxLeverage(probe, venue.schedule(probe));
        } catch (ValidationException e) {
            return null;
        }
    }

    private static String label(String field) {
        switch (field) {
            case "symbol": return "Symbol";
            case "contract": return "Contract";
            case "side": return "Side";
            default: return field;
        }
    }
}
