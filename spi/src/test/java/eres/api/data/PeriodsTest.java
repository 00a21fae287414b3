package eres.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    @Test
    void theStudysFifteenYearsGiveItsThreeMapPeriods() {
        int[] years = IntStream.rangeClosed(2008, 2022).toArray();
        assertThat(Periods.equal(years, 3)).extracting(Periods.Span::label).containsExactly("2008-2012", "2013-2017", "2018-2022");
    }

    @Test
    void unevenCountsGiveEarlierSpansOneMoreAndShortPanelsFewerSpans() {
        assertThat(Periods.equal(new int[] {1, 2, 3, 4, 5, 6, 7}, 3)).extracting(Periods.Span::label).containsExactly("1-3", "4-5", "6-7");
        assertThat(Periods.equal(new int[] {2000, 2005}, 3)).extracting(Periods.Span::label).containsExactly("2000", "2005");
        assertThat(Periods.equal(new int[0], 3)).isEmpty();
        assertThat(new Periods.Span(2008, 2012).contains(2010)).isTrue();
    }
}
