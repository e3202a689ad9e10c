package org.marginlab.app.planner;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Targets": the exit price, the target ROE and the target PnL ({@code #planExit}, {@code #planRoe},
 * {@code #planPnl}) and their figures ({@code #targetPnlAtExit}, {@code #targetRoeAtExit},
 * {@code #targetRewardToRisk}, {@code #targetExitForRoe}, {@code #targetExitForPnl}).
 */
final class TargetsPane extends VBox {

    TargetsPane(TargetsViewModel vm) {
        super(10);
        GridPane inputs = new GridPane();
        inputs.setHgap(12);
        inputs.setVgap(8);
        inputs.add(PlanControls.field(PlanField.EXIT.nodeId(), PlanField.EXIT.label(), vm.exitProperty(),
                vm.exitErrorProperty(), "A take-profit (or any exit) price: its PnL, ROE and reward to risk."), 0, 0);
        inputs.add(PlanControls.field(PlanField.ROE.nodeId(), PlanField.ROE.label() + " (%)", vm.roeProperty(),
                vm.roeErrorProperty(), "A return on the initial margin, in % (100 = doubles the margin): the exit "
                        + "price that reaches it."), 1, 0);
        inputs.add(PlanControls.field(PlanField.PNL.nodeId(), PlanField.PNL.label(), vm.pnlProperty(),
                vm.pnlErrorProperty(), "A profit (or, negative, a loss) in the settlement currency, before fees: the "
                        + "exit price that makes it."), 2, 0);

        GridPane figures = PlanControls.figureGrid();
        PlanControls.figure(figures, "targetPnlAtExit", "PnL at the exit", vm.pnlAtExitProperty(),
                "Quantity · contract size · (exit − entry) for a long (linear), before fees.");
        PlanControls.figure(figures, "targetRoeAtExit", "ROE at the exit", vm.roeAtExitProperty(),
                "PnL / initial margin at the entry.");
        PlanControls.figure(figures, "targetRewardToRisk", "Risk : reward", vm.rewardToRiskProperty(),
                "The loss at the stop against the PnL at the exit, before fees: 1 : 2 makes twice what the stop loses.");
        PlanControls.figure(figures, "targetExitForRoe", "Exit for the target ROE", vm.exitForRoeProperty(),
                "Entry · (1 + ROE/leverage) for a linear long, (1 − ROE/leverage) for a short.");
        PlanControls.figure(figures, "targetExitForPnl", "Exit for the target PnL", vm.exitForPnlProperty(),
                "The exit price whose PnL, before fees, is the target.");

        getChildren().addAll(PlanControls.heading("Targets", "mdi2f-flag-checkered"),
                PlanControls.note("targetNote", vm.noteProperty()), inputs, figures);
        getStyleClass().add("card");
        setMinWidth(Region.USE_PREF_SIZE);
    }

    static Node of(TargetsViewModel vm) {
        return new TargetsPane(vm);
    }
}
