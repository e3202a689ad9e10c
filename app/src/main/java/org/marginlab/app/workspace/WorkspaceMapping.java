package org.marginlab.app.workspace;

import static org.marginlab.app.workspace.JsonFields.optionalDecimal;
import static org.marginlab.app.workspace.JsonFields.optionalText;
import static org.marginlab.app.workspace.JsonFields.present;
import static org.marginlab.app.workspace.JsonFields.requiredDecimal;
import static org.marginlab.app.workspace.JsonFields.requiredText;
import static org.marginlab.app.workspace.JsonFields.show;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps between a workspace file's JSON tree and a {@link Workspace} of engine
 * {@link Position}s, by hand (no data binding), so that every error names its field.
 *
 * <p><b>Tree to workspace</b> ({@link #read}): checks {@code format}, accepts a {@code version}
 * from 1 to the newest the given {@link WorkspaceMigrations} know and upgrades the tree with
 * them, then maps it, applying the defaults of spec workspace-and-cli.md §1 (absent
 * {@code contract}, {@code contractSize}, {@code markPrice}, {@code marginMode},
 * {@code isolatedMargin} are left to the engine; {@code walletBalance} 0, required when a
 * position is cross). Unknown fields are ignored with a warning each (at most
 * {@value #MAX_WARNINGS}, then one that says there are more). It throws
 * {@link WorkspaceException} for any invalid value, by its field path, rule and value
 * ({@code positions[2].entryPrice: must be > 0 (got 0)}): wrong JSON types, missing required
 * fields, bad decimals and enum values, more than {@value #MAX_POSITIONS} positions or
 * {@value #MAX_TIERS} tiers, whatever the engine's constructors refuse; and for a version newer
 * than it reads ({@code version: must be ≤ 1 (got 2); this file was written by a newer
 * MarginLab}).
 *
 * <p><b>Workspace to tree</b> ({@link #tree}): decimal strings ({@code toPlainString}, scale
 * kept), the fields in the contract's order, optional fields omitted when unset; the fields the
 * engine always has a value for ({@code contract}, {@code contractSize}, {@code markPrice},
 * {@code marginMode}) always written. It does not fail.
 *
 * <p>An instance is one mapping run and holds its warnings; the static methods are thread-safe.
 */
final class WorkspaceMapping {
    /** The value of the {@code format} field. */
    static final String FORMAT = "marginlab-workspace";
    /** Most positions in a workspace. */
    static final int MAX_POSITIONS = 1_000;
    /** Most tiers in one position's explicit tier table. */
    static final int MAX_TIERS = 100;
    /** Most warnings one read reports (a further one says that there are more). */
    static final int MAX_WARNINGS = 20;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "venue", "walletBalance",
            "positions", "asOf", "lesson");
    static final Set<String> POSITION_FIELDS = Set.of("id", "symbol", "contract", "contractSize", "side",
            "quantity", "entryPrice", "markPrice", "leverage", "marginMode", "isolatedMargin", "maintenance", "tiers",
            "maxLeverage", "takerFeeRate", "openedAt", "liquidationFeeRate", "initialMarginRate", "imrSlope",
            "riskLimit", "imf", "mmf", "openInterestNotional", "oiLowerCap", "oiUpperCap", "mmValuation",
            "fundingRate", "includeFundingReserve", "tickSize", "makerFeeRate", "fundingIntervalHours", "holdingHours",
            "volatility", "probabilityHorizonHours"); // from openedAt on: VenueFieldsMapping
    private static final Set<String> MAINTENANCE_FIELDS = Set.of("mmr", "maintenanceAmount", "mmrSlope");
    private static final Set<String> TIER_FIELDS = Set.of("floor", "cap", "maxLeverage", "mmr", "maintenanceAmount",
            "imr");

    private final List<String> warnings = new ArrayList<>();
    private final WorkspaceMigrations migrations;

    WorkspaceMapping(WorkspaceMigrations migrations) {
        this.migrations = migrations;
    }

    /**
     * Maps a parsed file to a workspace.
     *
     * @param file        the file's tree, not null
     * @param migrations  the versions to accept and how to upgrade them, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if a value is invalid (with its field path) or the version is
     *         newer than {@code migrations} know
     */
    static ReadResult read(JsonNode file, WorkspaceMigrations migrations) throws WorkspaceException {
        try {
            return new WorkspaceMapping(migrations).workspace(file);
        } catch (ValidationException e) {
            throw WorkspaceException.invalid(e);
        } catch (org.marginlab.app.lesson.LessonException e) {
            throw WorkspaceException.field(e.path(), e.getMessage());
        } catch (NewerVersionException e) {
            throw WorkspaceException.field("version", e.getMessage());
        }
    }

    private ReadResult workspace(JsonNode file) {
        if (!file.isObject()) {
            throw new ValidationException("(root)", "must be a JSON object", show(file));
        }
        JsonNode format = present(file, "format");
        if (format != null && !(format.isTextual() && FORMAT.equals(format.textValue()))) {
            throw new ValidationException("format", "must be " + FORMAT, show(format));
        }
        ObjectNode root = migrations.upgrade((ObjectNode) file, version(file));
        unknownFields(root, ROOT_FIELDS, "");
        String name = optionalText(root, "name");
        String venue = optionalText(root, "venue");
        if (venue == null || venue.isBlank()) {
            throw new ValidationException("venue", "is required", venue == null ? null : "\"" + venue + "\"");
        }
        BigDecimal wallet = optionalDecimal(root, "walletBalance");

        List<Position> positions = new ArrayList<>();
        JsonNode array = present(root, "positions");
        if (array != null) {
            if (!array.isArray()) {
                throw new ValidationException("positions", "must be an array", show(array));
            }
            if (array.size() > MAX_POSITIONS) {
                throw new ValidationException("positions", "must hold at most " + MAX_POSITIONS + " positions",
                        array.size() + " positions");
            }
            for (int i = 0; i < array.size(); i++) {
                String prefix = "positions[" + i + "]";
                if (!array.get(i).isObject()) {
                    throw new ValidationException(prefix, "must be a JSON object", show(array.get(i)));
                }
                try {
                    positions.add(position(array.get(i), prefix));
                } catch (ValidationException e) {
                    throw e.within(prefix);
                }
            }
        }
        if (wallet == null) {
            for (Position p : positions) {
                if (p.marginMode() == MarginMode.CROSS) {
                    throw new ValidationException("walletBalance", "is required when a position is cross", null);
                }
            }
            wallet = BigDecimal.ZERO;
        }
        Workspace w = new Workspace(name, venue.strip(), wallet, positions, VenueFieldsMapping.instant(root, "asOf"));
        JsonNode lesson = present(root, "lesson");
        if (lesson != null) {
            w = w.withLesson(new LessonMapping(this).lesson(lesson, w));
        }
        return new ReadResult(w, warnings);
    }

    /** The file's version, 1 when absent; refuses anything this reader cannot upgrade. */
    private int version(JsonNode root) {
        JsonNode version = present(root, "version");
        if (version == null) {
            return 1;
        }
        int newest = migrations.newestVersion();
        if (!version.isIntegralNumber()) {
            throw new ValidationException("version", newest == 1 ? "must be the integer 1"
                    : "must be an integer from 1 to " + newest, show(version));
        }
        BigInteger v = version.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(newest)) > 0) {
            throw new NewerVersionException("version: must be ≤ " + newest + " (got " + show(version)
                    + "); this file was written by a newer MarginLab");
        }
        if (v.compareTo(BigInteger.ONE) < 0) {
            throw new ValidationException("version", newest == 1 ? "must be 1" : "must be ≥ 1", show(version));
        }
        return v.intValue();
    }

    Position position(JsonNode node, String prefix) {
        unknownFields(node, POSITION_FIELDS, prefix + ".");
        Position.Builder b = Position.builder()
                .id(requiredText(node, "id"))
                .symbol(requiredText(node, "symbol"));
        String contract = optionalText(node, "contract");
        if (contract != null) {
            b.contract(ContractType.parse(contract));
        }
        b.contractSize(optionalDecimal(node, "contractSize"));
        b.side(Side.parse(requiredText(node, "side")));
        b.quantity(requiredDecimal(node, "quantity"));
        b.entryPrice(requiredDecimal(node, "entryPrice"));
        b.markPrice(optionalDecimal(node, "markPrice"));
        b.leverage(requiredDecimal(node, "leverage"));
        String mode = optionalText(node, "marginMode");
        if (mode != null) {
            b.marginMode(MarginMode.parse(mode));
        }
        b.isolatedMargin(optionalDecimal(node, "isolatedMargin"));
        JsonNode maintenance = present(node, "maintenance");
        if (maintenance != null) {
            b.maintenance(maintenance(maintenance, prefix + ".maintenance"));
        }
        JsonNode tiers = present(node, "tiers");
        if (tiers != null) {
            b.tiers(tiers(tiers, prefix + ".tiers"));
        }
        b.maxLeverage(optionalDecimal(node, "maxLeverage"));
        b.takerFeeRate(optionalDecimal(node, "takerFeeRate"));
        b.venueParameters(VenueFieldsMapping.read(node, maintenance));
        return b.build();
    }



    private Maintenance maintenance(JsonNode node, String warnPrefix) {
        if (!node.isObject()) {
            throw new ValidationException("maintenance", "must be a JSON object", show(node));
        }
        unknownFields(node, MAINTENANCE_FIELDS, warnPrefix + ".");
        try {
            return new Maintenance(requiredDecimal(node, "mmr"), requiredDecimal(node, "maintenanceAmount"));
        } catch (ValidationException e) {
            // the record names its fields maintenance.mmr, maintenance.maintenanceAmount
            throw e.field().startsWith("maintenance.") || e.path().startsWith("maintenance") ? e
                    : e.within("maintenance");
        }
    }

    private TierTable tiers(JsonNode node, String warnPrefix) {
        if (!node.isArray()) {
            throw new ValidationException("tiers", "must be an array", show(node));
        }
        if (node.size() > MAX_TIERS) {
            throw new ValidationException("tiers", "must hold at most " + MAX_TIERS + " tiers", node.size() + " tiers");
        }
        List<MaintenanceTier> tiers = new ArrayList<>(node.size());
        for (int k = 0; k < node.size(); k++) {
            String where = "tiers[" + k + "]";
            JsonNode t = node.get(k);
            try {
                if (!t.isObject()) {
                    throw new ValidationException(where, "must be a JSON object", show(t));
                }
                unknownFields(t, TIER_FIELDS, warnPrefix + "[" + k + "].");
                tiers.add(MaintenanceTier.of(requiredDecimal(t, "floor"), optionalDecimal(t, "cap"),
                        maxLeverage(t), requiredDecimal(t, "mmr"), requiredDecimal(t, "maintenanceAmount")));
            } catch (ValidationException e) {
                throw e.field().equals(where) ? e : e.within(where);
            }
        }
        return TierTable.of(tiers, "workspace file", null);
    }

    /**
     * A tier's max leverage: its {@code maxLeverage}, else {@code 1/imr} when the row gives an
     * initial margin rate (spec venues-v2.md §13), else none.
     */
    private static BigDecimal maxLeverage(JsonNode tier) {
        BigDecimal max = optionalDecimal(tier, "maxLeverage");
        BigDecimal imr = optionalDecimal(tier, "imr");
        if (max != null || imr == null) {
            return max;
        }
        if (imr.signum() <= 0 || imr.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException("imr", "must be > 0 and ≤ 1", imr);
        }
        return BigDecimal.ONE.divide(imr, java.math.MathContext.DECIMAL64).stripTrailingZeros();
    }

    void unknownFields(JsonNode object, Set<String> known, String prefix) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = e.getKey();
            if (!known.contains(key)) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add(WorkspaceException.oneLine(prefix + key + ": unknown field, ignored"));
                } else if (warnings.size() == MAX_WARNINGS) {
                    warnings.add("more unknown fields, ignored without further warnings");
                }
            }
        }
    }

    /**
     * The tree of a workspace, as {@link WorkspaceJson#print} writes it.
     *
     * @param w  the workspace, not null
     * @return a new tree, never null
     */
    static ObjectNode tree(Workspace w) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("version", WorkspaceMigrations.CURRENT_VERSION);
        if (w.name() != null) {
            root.put("name", w.name());
        }
        root.put("venue", w.venueId());
        if (w.asOf() != null) {
            root.put("asOf", w.asOf().toString());
        }
        root.put("walletBalance", w.walletBalance().toPlainString());
        ArrayNode positions = root.putArray("positions");
        for (Position p : w.positions()) {
            position(positions.addObject(), p);
        }
        if (w.lesson() != null) {
            root.set("lesson", LessonMapping.tree(w.lesson()));
        }
        return root;
    }

    /**
     * Writes a position's fields into an empty object, in the contract's order.
     *
     * @param o  the object, not null
     * @param p  the position, not null
     */
    static void position(ObjectNode o, Position p) {
        o.put("id", p.id());
        o.put("symbol", p.symbol());
        o.put("contract", p.contract().id());
        o.put("contractSize", p.contractSize().toPlainString());
        o.put("side", p.side().id());
        o.put("quantity", p.quantity().toPlainString());
        o.put("entryPrice", p.entryPrice().toPlainString());
        o.put("markPrice", p.markPrice().toPlainString());
        o.put("leverage", p.leverage().toPlainString());
        o.put("marginMode", p.marginMode().id());
        putDecimal(o, "isolatedMargin", p.isolatedMargin());
        if (p.maintenance() != null) {
            ObjectNode m = o.putObject("maintenance");
            m.put("mmr", p.maintenance().mmr().toPlainString());
            m.put("maintenanceAmount", p.maintenance().maintenanceAmount().toPlainString());
            // mmrSlope is read only beside an mmr (a base rate plus a slope, spec venues-v2.md §13)
            putDecimal(m, "mmrSlope", p.venueParameters().mmrSlope());
        }
        if (p.tiers() != null) {
            ArrayNode tiers = o.putArray("tiers");
            for (MaintenanceTier t : p.tiers().tiers()) {
                ObjectNode to = tiers.addObject();
                to.put("floor", t.floor().toPlainString());
                putDecimal(to, "cap", t.cap());
                putDecimal(to, "maxLeverage", t.maxLeverage());
                to.put("mmr", t.mmr().toPlainString());
                to.put("maintenanceAmount", t.maintenanceAmount().toPlainString());
            }
        }
        putDecimal(o, "maxLeverage", p.maxLeverage());
        putDecimal(o, "takerFeeRate", p.takerFeeRate());
        VenueFieldsMapping.write(o, p.venueParameters());
    }


    static void putDecimal(ObjectNode o, String field, BigDecimal value) {
        if (value != null) {
            o.put(field, value.toPlainString());
        }
    }

    /** Unchecked carrier of the "newer version" error, whose message differs from the usual form. */
    private static final class NewerVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NewerVersionException(String message) {
            super(message, null, false, false);
        }
    }
}
