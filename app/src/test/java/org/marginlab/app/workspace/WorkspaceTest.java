package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;

class WorkspaceTest {

    private static Position position(String id, String entry) {
        return Position.builder().id(id).symbol("BTCUSDT").side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(new BigDecimal(entry)).leverage(BigDecimal.TEN).build();
    }

    @Test
    void toAccountCarriesVenueWalletAndPositions() {
        Workspace w = new Workspace("w", "binance-usdm", new BigDecimal("10000"), List.of(position("a", "60000")));
        Account a = w.toAccount();
        assertThat(a.venue().id()).isEqualTo("binance-usdm");
        assertThat(a.walletBalance()).isEqualByComparingTo("10000");
        assertThat(a.positions()).containsExactly(position("a", "60000"));
    }

    @Test
    void withPositionReplacesByIdOrAppends() {
        Workspace w = new Workspace("w", "binance-usdm", BigDecimal.ZERO, List.of(position("a", "1"), position("b", "2")));
        Workspace replaced = w.withPosition(position("a", "3"));
        assertThat(replaced.positions()).extracting(Position::id).containsExactly("a", "b");
        assertThat(replaced.position("a").entryPrice()).isEqualByComparingTo("3");
        assertThat(w.position("a").entryPrice()).as("the original is unchanged").isEqualByComparingTo("1");
        assertThat(w.withPosition(position("c", "4")).positions()).extracting(Position::id).containsExactly("a", "b", "c");
        assertThat(w.withoutPosition("a").positions()).extracting(Position::id).containsExactly("b");
    }

    @Test
    void withHelpersChangeOneThing() {
        Workspace w = Workspace.empty("old", "binance-usdm");
        assertThat(w.withName("new")).isEqualTo(new Workspace("new", "binance-usdm", BigDecimal.ZERO, List.of()));
        assertThat(w.withWalletBalance(BigDecimal.TEN).walletBalance()).isEqualByComparingTo("10");
        assertThat(w.withVenueId("future-venue").venueId()).isEqualTo("future-venue");
    }

    @Test
    void positionsAreImmutable() {
        Workspace w = Workspace.empty("w", "binance-usdm");
        assertThatThrownBy(() -> w.positions().add(position("a", "1"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidWorkspacesAreRejectedByName() {
        assertThatThrownBy(() -> new Workspace("w", "binance-usdm", BigDecimal.ZERO, List.of(position("a", "1"), position("a", "2"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].id: must be unique within the workspace (got a)");
        assertThatThrownBy(() -> new Workspace("w", " ", BigDecimal.ZERO, List.of())).hasMessage("venue: is required (got nothing)");
        assertThatThrownBy(() -> new Workspace("w", "binance-usdm", new BigDecimal("-1"), List.of()))
                .hasMessage("walletBalance: must be ≥ 0 (got -1)");
        assertThatThrownBy(() -> Workspace.empty("w", "binance-usdm").position("zzz"))
                .hasMessage("positionId: must name a position of the workspace (got zzz)");
    }

    @Test
    void unknownVenueIsReportedOnEvaluation() {
        Workspace w = Workspace.empty("w", "venue-from-2030");
        assertThatThrownBy(w::toAccount).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("venue: must be one of binance-usdm")
                .hasMessageEndingWith(" (got venue-from-2030)");
    }
}
