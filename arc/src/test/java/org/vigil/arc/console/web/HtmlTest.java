package org.vigil.arc.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void scriptAndMarkupPayloadsBecomeInertText() {
        assertThat(Html.esc("<script>alert('x')</script>")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.esc("\"><img src=x onerror=alert(1)>")).isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.esc("a & b `c`")).isEqualTo("a &amp; b &#96;c&#96;");
        assertThat(Html.esc("&lt;")).isEqualTo("&amp;lt;"); // no double-decoding tricks
    }

    @Test
    void nullIsEmptyAndPlainTextIsUnchanged() {
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc("Northgate Bank, 1 High St")).isEqualTo("Northgate Bank, 1 High St");
        assertThat(Html.esc(42)).isEqualTo("42");
    }

    @Test
    void controlCharactersFromFramesAreReplaced() {
        assertThat(Html.esc("a\u0000b\u001bc\nd")).isEqualTo("a\uFFFDb\uFFFDc\nd");
    }

    @Test
    void noRandomInputEverYieldsAMarkupCharacter() {
        Random r = new Random(8243);
        List<Character> alphabet = List.of('<', '>', '"', '\'', '&', '`', 'a', ' ', '/', '=', '\u0000');
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) sb.append(alphabet.get(r.nextInt(alphabet.size())));
            String out = Html.esc(sb.toString());
            assertThat(out).doesNotContain("<", ">", "\"", "'", "`", "\u0000");
            assertThat(out.replaceAll("&(amp|lt|gt|quot|#39|#96);", "")).doesNotContain("&");
        }
    }
}
