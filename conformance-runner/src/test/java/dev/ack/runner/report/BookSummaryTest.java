package dev.ack.runner.report;

import dev.ack.protocol.Area;
import dev.ack.runner.spec.SpecIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BookSummaryTest {
    private static String rule(String id, String origin, String untested) {
        return "## " + id + " Title\n**Level:** MUST · **Chapter:** 4 · " + origin + "\nText MUST.\n**Intent:** i\n"
                + "**If this fails, check:** h\n" + untested;
    }

    @Test
    void countsTheBooksRulesApartFromTheClaimedOnesBeyondIt() throws Exception {
        Path spec = Files.createTempDirectory("spec");
        Files.writeString(spec.resolve("event-queue.md"), String.join("\n",
                rule("EQ-01", "**Book:** ch04/a-epoll `Poll::new`", ""),
                rule("EQ-02", "**Book:** ch04/a-epoll `Registry::register`", ""),
                rule("EQ-03", "**Book:** ch04/b-epoll-mio", "**Untested:** not observable\n"),
                rule("EQ-04", "**Beyond the book:** capability `deregister` (mio)", ""),
                rule("EQ-05", "**Beyond the book:** capability `reregister` (mio)", ""),
                rule("EQ-06", "**Beyond the book:** capability `event-queue-waker` (mio)", "")));
        Map<String, String> verdicts = Map.of("EQ-01", "passed", "EQ-02", "failed", "EQ-03", "untested",
                "EQ-04", "passed", "EQ-05", "failed", "EQ-06", "not claimed");

        BookSummary chapter4 = BookSummary.of(SpecIndex.fromDirectory(spec), verdicts).getFirst();

        assertThat(chapter4.area()).isEqualTo(Area.EVENT_QUEUE);
        assertThat(chapter4.bookLine()).isEqualTo("the book's chapter 4: 1 of 2 passed");
        assertThat(chapter4.beyondLine()).isEqualTo("beyond the book: 2 of 3 claimed, passed 1");
    }

    @Test
    void aChapterWithNothingBeyondTheBookSaysSoInsteadOfZeroOfZero() throws Exception {
        Path spec = Files.createTempDirectory("spec");
        Files.writeString(spec.resolve("event-queue.md"), rule("EQ-01", "**Book:** ch04/a-epoll `Poll::new`", ""));

        BookSummary chapter4 = BookSummary.of(SpecIndex.fromDirectory(spec), Map.of("EQ-01", "passed")).getFirst();

        assertThat(chapter4.beyondLine()).isEqualTo("beyond the book: nothing, every rule of this chapter is the book's");
    }
}
