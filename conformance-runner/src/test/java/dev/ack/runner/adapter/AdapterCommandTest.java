package dev.ack.runner.adapter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterCommandTest {

    @Test
    void splitsWordsAndHonoursQuotesWithoutAShell() {
        assertThat(AdapterCommand.parse("python3  adapter.py --name 'my impl' \"a b\" c\\ d $HOME").argv())
                .containsExactly("python3", "adapter.py", "--name", "my impl", "a b", "c d", "$HOME");
    }

    @Test
    void rejectsEmptyAndUnterminatedCommands() {
        assertThatThrownBy(() -> AdapterCommand.parse("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AdapterCommand.parse("run 'oops")).hasMessageContaining("unterminated");
    }
}
