package org.marginlab.app.workspace;

import static org.marginlab.app.workspace.JsonFields.optionalDecimal;
import static org.marginlab.app.workspace.JsonFields.optionalText;
import static org.marginlab.app.workspace.JsonFields.present;
import static org.marginlab.app.workspace.JsonFields.show;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workspace fields of spec venues-v2.md §13 (all optional): the per-position venue inputs
 * ({@link VenueParameters}, with MarginLab's cost and probability inputs {@code makerFeeRate},
 * {@code fundingIntervalHours}, {@code holdingHours}, {@code volatility},
 * {@code probabilityHorizonHours}) and the evaluation instants ({@code asOf}, {@code openedAt}), read
 * and written for {@link WorkspaceMapping}. Stateless.
 */
final class VenueFieldsMapping {
    private VenueFieldsMapping() {
    }

    /**
     * @param node         the position's object
     * @param maintenance  its {@code maintenance} object (which may hold {@code mmrSlope}), or null
     * @return the parameters, {@link VenueParameters#NONE} when none is given
     * @throws ValidationException naming the first invalid field
     */
    static VenueParameters read(JsonNode node, JsonNode maintenance) {
        VenueParameters.Builder v = VenueParameters.builder()
                .openedAt(instant(node, "openedAt"))
                .liquidationFeeRate(optionalDecimal(node, "liquidationFeeRate"))
                .initialMarginRate(optionalDecimal(node, "initialMarginRate"))
                .imrSlope(optionalDecimal(node, "imrSlope"))
                .riskLimit(optionalDecimal(node, "riskLimit"))
                .imf(optionalDecimal(node, "imf"))
                .mmf(optionalDecimal(node, "mmf"))
                .openInterestNotional(optionalDecimal(node, "openInterestNotional"))
                .oiLowerCap(optionalDecimal(node, "oiLowerCap"))
                .oiUpperCap(optionalDecimal(node, "oiUpperCap"))
                .fundingRate(optionalDecimal(node, "fundingRate"))
                .tickSize(optionalDecimal(node, "tickSize"))
                .makerFeeRate(optionalDecimal(node, "makerFeeRate"))
                .fundingIntervalHours(optionalDecimal(node, "fundingIntervalHours"))
                .holdingHours(optionalDecimal(node, "holdingHours"))
                .volatility(optionalDecimal(node, "volatility"))
                .probabilityHorizonHours(optionalDecimal(node, "probabilityHorizonHours"));
        if (maintenance != null && maintenance.isObject()) {
            try {
                v.mmrSlope(optionalDecimal(maintenance, "mmrSlope"));
            } catch (ValidationException e) {
                throw e.within("maintenance");
            }
        }
        String valuation = optionalText(node, "mmValuation");
        if (valuation != null) {
            v.mmValuation(VenueParameters.MmValuation.parse(valuation));
        }
        JsonNode reserve = present(node, "includeFundingReserve");
        if (reserve != null) {
            if (!reserve.isBoolean()) {
                throw new ValidationException("includeFundingReserve", "must be true or false", show(reserve));
            }
            v.includeFundingReserve(reserve.booleanValue());
        }
        return v.build();
    }

    /**
     * An optional ISO-8601 instant ({@code 2025-05-22T04:00:00Z}); a date alone
     * ({@code 2025-05-22}) is read as its start in UTC.
     */
    static Instant instant(JsonNode node, String field) {
        String text = optionalText(node, field);
        if (text == null) {
            return null;
        }
        return parseInstant(text.strip(), field);
    }

    /**
     * @param text   an ISO-8601 instant or date
     * @param field  the field named in the error
     * @return the instant
     * @throws ValidationException if the text is neither
     */
    static Instant parseInstant(String text, String field) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant such as 2025-05-22T04:00:00Z or a date "
                    + "such as 2025-05-22", text);
        }
    }

    /**
     * Writes the fields that are set, in the order of spec venues-v2.md §13.
     *
     * @param o  the position's object
     * @param v  its venue parameters
     */
    static void write(ObjectNode o, VenueParameters v) {
        if (v.openedAt() != null) {
            o.put("openedAt", v.openedAt().toString());
        }
        WorkspaceMapping.putDecimal(o, "liquidationFeeRate", v.liquidationFeeRate());
        WorkspaceMapping.putDecimal(o, "initialMarginRate", v.initialMarginRate());
        WorkspaceMapping.putDecimal(o, "imrSlope", v.imrSlope());
        WorkspaceMapping.putDecimal(o, "riskLimit", v.riskLimit());
        WorkspaceMapping.putDecimal(o, "imf", v.imf());
        WorkspaceMapping.putDecimal(o, "mmf", v.mmf());
        WorkspaceMapping.putDecimal(o, "openInterestNotional", v.openInterestNotional());
        WorkspaceMapping.putDecimal(o, "oiLowerCap", v.oiLowerCap());
        WorkspaceMapping.putDecimal(o, "oiUpperCap", v.oiUpperCap());
        if (v.mmValuation() != null) {
            o.put("mmValuation", v.mmValuation().id());
        }
        WorkspaceMapping.putDecimal(o, "fundingRate", v.fundingRate());
        if (v.includeFundingReserve()) {
            o.put("includeFundingReserve", true);
        }
        WorkspaceMapping.putDecimal(o, "tickSize", v.tickSize());
        // the cost and probability inputs (MarginLab additions; README "Costs per position")
        WorkspaceMapping.putDecimal(o, "makerFeeRate", v.makerFeeRate());
        WorkspaceMapping.putDecimal(o, "fundingIntervalHours", v.fundingIntervalHours());
        WorkspaceMapping.putDecimal(o, "holdingHours", v.holdingHours());
        WorkspaceMapping.putDecimal(o, "volatility", v.volatility());
        WorkspaceMapping.putDecimal(o, "probabilityHorizonHours", v.probabilityHorizonHours());
    }
}
