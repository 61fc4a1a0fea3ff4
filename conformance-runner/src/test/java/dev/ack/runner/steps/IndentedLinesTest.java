package dev.ack.runner.steps;

import dev.ack.runner.steps.IndentedLines.Line;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A docstring becomes the tree its indentation draws, and a line that breaks the layout is named with its number. */
class IndentedLinesTest {

    @Test
    void blocksNestUnderTheLinesEndingInAColonAndKeepTheirDocstringLineNumbers() {
        List<Line> program = IndentedLines.parse("""
                  outer:
                    first

                    inner:
                      deep
                  after
                """);
        assertThat(program).containsExactly(
                new Line(1, "outer:", List.of(
                        new Line(2, "first", List.of()),
                        new Line(4, "inner:", List.of(new Line(5, "deep", List.of()))))),
                new Line(6, "after", List.of()));
        assertThat(IndentedLines.parse(" \n\n")).isEmpty();
    }

    @Test
    void badIndentationNamesTheLine() {
        assertThatThrownBy(() -> IndentedLines.parse("a\n  b\n"))
                .hasMessageStartingWith("program line 2, `b`, does not line up with the lines before it");
        assertThatThrownBy(() -> IndentedLines.parse("a:\n    b\n  c\n"))
                .hasMessageStartingWith("program line 3, `c`, does not line up");
        assertThatThrownBy(() -> IndentedLines.parse("  a\nb\n"))
                .hasMessage("program line 2, `b`, is indented less than the program's first line");
        assertThatThrownBy(() -> IndentedLines.parse("a:\nb\n"))
                .hasMessage("program line 1, `a:`, opens a block, but no lines are indented below it");
    }
}
