package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.MathContext;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.marginlab.app.ui.Doubles;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.PositionRisk;

/**
 * A position's derived state, set from each {@link PositionResult}: its risk level and margin
 * ratio gauge, the status line, the notes beside the leverage and the what-if, the what-if
 * slider's bounds (max removable and max addable margin) and whether the what-if can be applied.
 */
final class PositionStatus {
    private static final InputField[] FIELDS = InputField.values();
    private static final String SAFE_TEXT = "Safe: margin ratio < " + RiskLevel.WARNING_RATIO_PERCENT + " %, ≥ "
            + RiskLevel.WARNING_DISTANCE_PERCENT + " % from liquidation";
    private final Formats formats;
    private final ReadOnlyObjectWrapper<RiskLevel> riskLevel = new ReadOnlyObjectWrapper<>(this, "riskLevel", RiskLevel.SAFE);
    private final ReadOnlyStringWrapper riskText = new ReadOnlyStringWrapper(this, "riskText", SAFE_TEXT);
    private final ReadOnlyDoubleWrapper marginRatioGauge = new ReadOnlyDoubleWrapper(this, "marginRatioGauge", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);
    private final ReadOnlyStringWrapper whatIfNote = new ReadOnlyStringWrapper(this, "whatIfNote", "");
    private final ReadOnlyStringWrapper leverageNote = new ReadOnlyStringWrapper(this, "leverageNote", "");
    private final ReadOnlyDoubleWrapper marginDeltaMin = new ReadOnlyDoubleWrapper(this, "marginDeltaMin", 0);
    private final ReadOnlyDoubleWrapper marginDeltaMax = new ReadOnlyDoubleWrapper(this, "marginDeltaMax", 1);

    PositionStatus(Formats formats) {
        this.formats = formats;
    }

    /** Sets every derived value from a position's result in an evaluation. */
    void show(PositionResult r, Evaluation e) {
        showRisk(r, e);
        showWhatIf(r);
        status.set(statusOf(r));
    }

    private void showRisk(PositionResult r, Evaluation e) {
        PositionRisk risk = r.risk();
        if (risk == null) {
            riskLevel.set(RiskLevel.SAFE);
            riskText.set(SAFE_TEXT);
            marginRatioGauge.set(0);
            leverageNote.set("");
            return;
        }
        boolean cross = risk.marginMode() == MarginMode.CROSS;
        BigDecimal ratio = cross ? e.risk().marginRatio() : risk.marginRatio();
        boolean falling = e.risk().marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
        // A ratio that falls to 1 at liquidation (OKX) is shown on the gauge as its inverse.
        BigDecimal gaugeRatio = ratio == null || !falling || ratio.signum() == 0 ? ratio
                : BigDecimal.ONE.divide(ratio, MathContext.DECIMAL64);
        RiskLevel level = RiskLevel.of(gaugeRatio, risk.distanceToLiquidation(), r.liquidated());
        riskLevel.set(level);
        riskText.set(switch (level) {
            case LIQUIDATED -> "Liquidated at this mark";
            // a warning has a margin ratio (none is liquidated): the ratio's reason first, as before
            case WARNING -> RiskLevel.highMarginRatio(gaugeRatio)
                    ? "Warning: margin ratio ≥ " + RiskLevel.WARNING_RATIO_PERCENT + " %"
                    : "Warning: " + formats.percent(risk.distanceToLiquidation()) + " from liquidation (< "
                            + RiskLevel.WARNING_DISTANCE_PERCENT + " %)";
            case SAFE -> SAFE_TEXT;
        });
        double gauge = gaugeRatio == null ? 1 : Math.min(1, Math.max(0, Doubles.of(gaugeRatio)));
        marginRatioGauge.set(r.liquidated() ? 1 : gauge);
        leverageNote.set(cross || r.draft().marginLinked() || risk.effectiveLeverage() == null ? ""
                : "Margin is your own: effective leverage " + formats.leverage(risk.effectiveLeverage()) + " at the mark");
    }

    private void showWhatIf(PositionResult r) {
        boolean cross = r.draft().mode() == MarginMode.CROSS;
        whatIfNote.set(cross ? "This position is cross: it draws on the shared wallet and has no margin of its own. "
                + "Switch it to isolated to add or remove margin." : "");
        PositionResult.WhatIfResult w = r.whatIf();
        canApply.set(!r.stale() && w != null && w.error() == null && w.delta() != null && w.delta().signum() != 0
                && w.after() != null);
        PositionRisk risk = r.risk();
        if (risk != null && !cross) {
            marginDeltaMin.set(-Doubles.of(risk.maxRemovableMargin()));
            marginDeltaMax.set(Math.max(0, r.maxAddableMargin() == null ? 0 : Doubles.of(r.maxAddableMargin())));
        } else {
            marginDeltaMin.set(0);
            marginDeltaMax.set(0);
        }
    }

    private static String statusOf(PositionResult r) {
        String first = null;
        for (InputField f : FIELDS) {
            if (f != InputField.MARGIN_DELTA && r.error(f) != null) {
                first = r.error(f).message();
                break;
            }
        }
        if (first == null && r.problem() != null) {
            first = r.problem().message();
        }
        if (first == null) {
            return "";
        }
        return r.risk() != null && r.stale() ? "Showing the last valid result. " + first : first;
    }

    ReadOnlyObjectProperty<RiskLevel> riskLevel() {
        return riskLevel.getReadOnlyProperty();
    }

    ReadOnlyStringProperty riskText() {
        return riskText.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty marginRatioGauge() {
        return marginRatioGauge.getReadOnlyProperty();
    }

    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canApply() {
        return canApply.getReadOnlyProperty();
    }

    ReadOnlyStringProperty whatIfNote() {
        return whatIfNote.getReadOnlyProperty();
    }

    ReadOnlyStringProperty leverageNote() {
        return leverageNote.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty marginDeltaMin() {
        return marginDeltaMin.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty marginDeltaMax() {
        return marginDeltaMax.getReadOnlyProperty();
    }
}
