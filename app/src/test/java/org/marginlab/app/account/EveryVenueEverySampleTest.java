package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.FieldError;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * Issue "Every venue a trader uses", done-when 3: switching venue on every bundled sample gives,
 * for each position, figures or a message that names the position by its id and what is
 * missing; never an error for a symbol the venue lists (a bundled tier table). The switch goes
 * through the view-model, as the venue box does. A position-level problem (no tier table) is the
 * account's message, prefixed by the position id; a field error (the coin-M sample on a linear
 * venue: its quantity in contracts read as base units needs more margin than it holds) is shown at
 * the field, in that position's editor.
 */
class EveryVenueEverySampleTest {

    static Stream<Arguments> samplesTimesVenues() {
        List<Arguments> out = new ArrayList<>();
        for (String sample : Samples.names()) {
            for (VenueRules venue : Venues.all()) {
                out.add(Arguments.of(sample, venue.id()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samplesTimesVenues")
    void everyPositionHasFiguresOrAMessageNamingIt(String sample, String venueId) {
        AccountViewModel vm = AccountViewModelTest.open(sample);
        VenueRules venue = Venues.byId(venueId);

        vm.venueProperty().set(venue);

        Evaluation e = vm.evaluationProperty().get();
        assertThat(e.venue()).as("the venue in force").isSameAs(venue);
        assertThat(e.venueError()).isNull();
        assertThat(e.positions()).as("every position is still there").hasSize(vm.positions().size());
        for (PositionResult r : e.positions()) {
            boolean listed = venue.presetSymbols().contains(r.draft().symbol())
                    && venue.contractTypes().contains(r.draft().contract());
            if (r.problem() == null && r.errors().isEmpty()) {
                assertThat(r.risk()).as("%s on %s: a valid position has figures", r.id(), venueId).isNotNull();
                assertThat(r.risk().ruleSet()).startsWith(venueId + "@");
                continue;
            }
            FieldError problem = r.problem() != null ? r.problem() : r.errors().values().iterator().next();
            assertThat(problem.message()).as("%s on %s: the message says what is missing", r.id(), venueId)
                    .isNotBlank();
            if (r.problem() != null) {
                // a position-level problem is also the account's message, prefixed by the id
                assertThat(vm.problemProperty().get()).as("%s on %s: the account names a broken position by its id",
                        r.id(), venueId).isNotEmpty();
            } else {
                // a field error is shown at its field in that position's editor
                assertThat(problem.field()).as("%s on %s: %s names its field", r.id(), venueId, problem.message())
                        .isNotNull();
            }
            assertThat(listed).as("%s on %s: %s is listed by the venue, so it must evaluate, but: %s", r.id(), venueId,
                    r.draft().symbol(), problem.message()).isFalse();
        }
        String problem = vm.problemProperty().get();
        if (!problem.isEmpty()) {
            assertThat(e.positions().stream().anyMatch(r -> problem.startsWith(r.id() + ".")))
                    .as("'%s' begins with a position id", problem).isTrue();
        }
    }
}
