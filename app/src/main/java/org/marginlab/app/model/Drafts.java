package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * Converts between a {@link Workspace} (the file) and a {@link Draft} (the typed text), in a
 * locale: a loaded value is written exactly as stored ({@link Formats#exact}), so that saving it
 * again changes nothing.
 */
public final class Drafts {
    private final Formats formats;

    /** @param formats  how numbers are written into fields, not null */
    public Drafts(Formats formats) {
        this.formats = java.util.Objects.requireNonNull(formats, "formats");
    }

    /**
     * @param ws  a workspace, not null
     * @return its draft, with no shock and no what-if
     */
    public Draft of(Workspace ws) {
        VenueRules venue = rulesOrNull(ws);
        List<PositionDraft> ps = new ArrayList<>(ws.positions().size());
        for (Position p : ws.positions()) {
            ps.add(of(p, venue));
        }
        return new Draft(ws.name(), ws.venueId(), formats.exact(ws.walletBalance()), ps, "", null, List.of(), ws.asOf(),
                null, ws.lesson());
    }

    /**
     * The draft the app edits: as {@link #of(Workspace)}, but an isolated position that states no
     * margin gets its initial margin at entry written out ({@link LinkedMargin#of}, rounded up to
     * {@value LinkedMargin#SCALE} decimals), so that every transfer moves an amount a wallet field
     * can hold exactly. The figures differ from the file's by less than 10⁻⁸ of the margin, and
     * only where the initial margin has more decimals than that.
     *
     * @param ws  a workspace, not null
     * @return its draft for editing, with no shock and no what-if
     */
    public Draft forEditing(Workspace ws) {
        Draft d = of(ws);
        VenueRules venue = rulesOrNull(ws);
        List<PositionDraft> ps = new ArrayList<>(d.positions().size());
        for (int i = 0; i < d.positions().size(); i++) {
            PositionDraft pd = d.positions().get(i);
            Position p = ws.positions().get(i);
            if (p.marginMode() == MarginMode.ISOLATED && p.isolatedMargin() == null) {
                pd = pd.withText(InputField.ISOLATED_MARGIN, formats.exact(LinkedMargin.of(p, venue))).withMarginLinked(true);
            }
            ps.add(pd);
        }
        return d.withPositions(ps);
    }

    /**
     * @param p  a position, not null
     * @return its draft; the margin follows the leverage when none is stated or it equals the
     *         initial margin at entry ({@link LinkedMargin})
     */
    public PositionDraft of(Position p) {
        return of(p, null);
    }

    /** The workspace's rules, or null when it names a venue or version this build does not know. */
    private static VenueRules rulesOrNull(Workspace ws) {
        try {
            return ws.rules();
        } catch (org.marginlab.engine.ValidationException e) {
            return null;
        }
    }

    /**
     * @param p      a position, not null
     * @param venue  its venue's rules (whose default isolated margin decides whether the margin
     *               follows the leverage), or null
     * @return its draft
     */
    public PositionDraft of(Position p, VenueRules venue) {
        Map<InputField, String> t = new EnumMap<>(InputField.class);
        t.put(InputField.QUANTITY, formats.exact(p.quantity()));
        t.put(InputField.ENTRY_PRICE, formats.exact(p.entryPrice()));
        t.put(InputField.MARK_PRICE, formats.exact(p.markPrice()));
        t.put(InputField.LEVERAGE, formats.exact(p.leverage()));
        t.put(InputField.ISOLATED_MARGIN, p.isolatedMargin() == null ? "" : formats.exact(p.isolatedMargin()));
        t.put(InputField.CONTRACT_SIZE, formats.exact(p.contractSize()));
        t.put(InputField.MMR, p.maintenance() == null ? "" : formats.exact(p.maintenance().mmr()));
        t.put(InputField.MAINTENANCE_AMOUNT, p.maintenance() == null ? "" : formats.exact(p.maintenance().maintenanceAmount()));
        BigDecimal lfr = p.venueParameters().liquidationFeeRate();
        t.put(InputField.LIQUIDATION_FEE_RATE, lfr == null ? "" : formats.exact(lfr));
        org.marginlab.engine.VenueParameters v = p.venueParameters();
        t.put(InputField.TAKER_FEE_RATE, exactOrEmpty(p.takerFeeRate()));
        t.put(InputField.MAKER_FEE_RATE, exactOrEmpty(v.makerFeeRate()));
        t.put(InputField.FUNDING_RATE, exactOrEmpty(v.fundingRate()));
        t.put(InputField.FUNDING_INTERVAL_HOURS, exactOrEmpty(v.fundingIntervalHours()));
        t.put(InputField.HOLDING_HOURS, exactOrEmpty(v.holdingHours()));
        t.put(InputField.VOLATILITY, exactOrEmpty(v.volatility()));
        t.put(InputField.PROBABILITY_HORIZON_HOURS, exactOrEmpty(v.probabilityHorizonHours()));
        boolean linked = p.isolatedMargin() == null || p.isolatedMargin().compareTo(LinkedMargin.of(p, venue)) == 0;
        return new PositionDraft(p.id(), p, p.symbol(), p.side(), p.marginMode(), p.contract(), t, linked);
    }

    private String exactOrEmpty(BigDecimal value) {
        return value == null ? "" : formats.exact(value);
    }

    /**
     * A new position on a venue: long 0.1 of its first preset symbol (or BTCUSDT / 100 contracts
     * of BTCUSD with a 0.5 % maintenance override where it has no tier table) at 60,000, 10x,
     * isolated with the initial margin, marked at entry.
     *
     * @param venue  the venue, not null
     * @param id     the new id, not null
     * @return the position's draft
     */
    public PositionDraft newPosition(VenueRules venue, String id) {
        ContractType type = venue.contractTypes().contains(ContractType.LINEAR) ? ContractType.LINEAR : ContractType.INVERSE;
        String sym = venue.presetSymbols().isEmpty() ? (type == ContractType.LINEAR ? "BTCUSDT" : "BTCUSD")
                : venue.presetSymbols().get(0);
        Position.Builder b = Position.builder().id(id).symbol(sym).contract(type).side(Side.LONG)
                .quantity(type == ContractType.LINEAR ? new BigDecimal("0.1") : new BigDecimal("100"))
                .entryPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN).marginMode(MarginMode.ISOLATED);
        if (venue.presetSymbols().isEmpty()) {
            b.maintenance(new org.marginlab.engine.Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO));
        }
        Position p = b.build();
        Position linked = p.withIsolatedMargin(LinkedMargin.of(p, venue));
        return of(linked, venue);
    }

    /**
     * The workspace the draft describes, for saving.
     *
     * @param e  the draft's evaluation, not null
     * @return the workspace, never null
     * @throws ValidationException naming the first invalid input by the position's id and the
     *         field ({@code btc-long.quantity: must be a number (got abc)}), or {@code walletBalance}:
     *         a workspace file holds only valid values
     */
    public Workspace toWorkspace(Evaluation e) {
        if (e.venueError() != null) {
            boolean asOf = "asOf".equals(e.venueError().label());
            throw new ValidationException(asOf ? "asOf" : "venue", e.venueError().rule(),
                    asOf ? e.venueError().got() : e.draft().venueId());
        }
        if (e.walletError() != null) {
            throw new ValidationException("walletBalance", e.walletError().rule(), e.walletError().got());
        }
        List<Position> ps = new ArrayList<>(e.positions().size());
        for (PositionResult r : e.positions()) {
            FieldError first = null;
            for (InputField f : InputField.values()) {
                if (f != InputField.MARGIN_DELTA && r.error(f) != null) {
                    first = r.error(f);
                    break;
                }
            }
            if (first == null) {
                first = r.problem();
            }
            if (first != null || r.parsed().position() == null) {
                String field = first == null || first.field() == null ? "position" : first.field().fileField();
                String rule = first == null ? "has an invalid input" : first.rule();
                throw new ValidationException(field, rule, first == null ? null : first.got()).within(r.id());
            }
            ps.add(r.parsed().position());
        }
        return new Workspace(e.draft().name(), e.draft().venueId(), e.wallet(), ps, e.draft().asOf(), e.draft().lesson());
    }
}
