package io.github.wheelscout.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
        "requests -> requests",
        "Foo.Bar -> foo-bar",
        "foo__bar -> foo-bar",
        "Foo._-Bar -> foo-bar",
        "_foo -> -foo",
        "foo. -> foo-",
        "zope.interface -> zope-interface",
        // Lower-cased before separators are collapsed, as packaging does: the sigma is not word-final here.
        "AΣ.B -> aσ-b",
        "ΑΣ -> ας",
    })
    void normalises_as_packagings_canonicalize_name(String raw, String canonical) {
        assertThat(ProjectName.normalize(raw)).isEqualTo(canonical);
        assertThat(ProjectName.of(raw)).hasToString(canonical);
    }

    @Test
    void spellings_of_one_project_are_equal() {
        assertThat(ProjectName.of("Django_Rest.Framework")).isEqualTo(ProjectName.of("django-rest-framework"));
    }

    @Test
    void the_canonical_constructor_refuses_other_spellings() {
        assertThatThrownBy(() -> new ProjectName("Foo_Bar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Foo_Bar");
    }
}
