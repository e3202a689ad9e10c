package org.marginlab.app.planner;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.ui.LazyTab;
import org.marginlab.app.ui.ReflowPane;

/**
 * The Planner tab: "Size from risk" (inputs; the plan, its warning and the solver) and, beside
 * or below, "Targets" and "Max open", in one scroll pane. The three reflow with the width
 * ({@link ReflowPane}): side by side on a wide window, the inputs beside the plan over the other
 * two on a narrow one. Further sections stack below them ({@link #sections()}).
 */
public final class PlannerView extends BorderPane {
    private final VBox sections;

    /**
     * @param vm  the planner's view-model, not null
     */
    public PlannerView(PlannerViewModel vm) {
        getStyleClass().add("position-view");
        SizePane size = new SizePane(vm);
        VBox column = new VBox(12, new TargetsPane(new TargetsViewModel(vm)), new MaxOpenPane(new MaxOpenViewModel(vm)));
        ReflowPane top = new ReflowPane(size.inputs(), size.results(), column, 12);
        top.setId("plannerPanes");
        sections = new VBox(12, top);
        sections.getChildren().add(new LadderPane(new LadderViewModel(vm.account())));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setId("plannerScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("editor-scroll");
        setCenter(scroll);
    }

    /** @return the stacked sections, for a section added at merge (the ladder) */
    public VBox sections() {
        return sections;
    }

    /**
     * The tab for the main window, built the first time it is shown.
     *
     * @param account  the account that prefills the planner, not null
     * @return the lazy tab, never null
     */
    public static LazyTab tab(AccountViewModel account) {
        return new LazyTab("Planner", "plannerTab", "mdi2c-calculator-variant",
                () -> new PlannerView(new PlannerViewModel(account)));
    }
}
